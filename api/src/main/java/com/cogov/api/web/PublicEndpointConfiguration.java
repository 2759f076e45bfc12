package com.cogov.api.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The public endpoints' limit and caching (issue 20, "Public endpoints").
 *
 * @param requestsPerAddress GET requests one client address may make to the public routes in a window (a phone
 *                           paging through results makes a few a minute; behind a carrier's NAT many phones share an
 *                           address, hence the margin)
 * @param window             the window of that count
 * @param maxAge             how long a browser, the mini-program or a proxy may keep an answer
 */
@ConfigurationProperties(PublicEndpointConfiguration.PREFIX)
record PublicEndpointConfiguration(
        @Bindable(defaultValue = "600") int requestsPerAddress,
        @Bindable(defaultValue = "1m") Duration window,
        @Bindable(defaultValue = "60s") Duration maxAge) {

    static final String PREFIX = "cogov.public";
}
