package com.cogov.api.publicsearch;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The public search's settings.
 *
 * @param maxRadiusMeters     the widest "near me" (issue 20: 20 km)
 * @param defaultRadiusMeters when lat/lng come without a radius
 * @param copyLifetime        how old this node's copy of the pharmacies and the catalog may get before it is read
 *                            again: a change on another node shows within it (answers are cacheable for a minute
 *                            anyway); a change on this node shows at once
 */
@ConfigurationProperties(PublicSearchConfiguration.PREFIX)
public record PublicSearchConfiguration(
        @Bindable(defaultValue = "20000") int maxRadiusMeters,
        @Bindable(defaultValue = "3000") int defaultRadiusMeters,
        @Bindable(defaultValue = "10s") Duration copyLifetime) {

    public static final String PREFIX = "cogov.public-search";
}
