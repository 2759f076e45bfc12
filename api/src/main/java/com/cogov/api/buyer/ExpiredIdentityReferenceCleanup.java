package com.cogov.api.buyer;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes scanned identities once they have expired: nothing can use them any more, and sealed personal data is not
 * kept beyond its purpose (PIPL Art. 19, 47). Every app node runs it; concurrent deletes of the same rows are harmless.
 * Off with {@code cogov.buyer.reference-cleanup.enabled=false}.
 */
@Singleton
@Requires(
        property = ExpiredIdentityReferenceCleanup.ENABLED,
        notEquals = StringUtils.FALSE,
        defaultValue = StringUtils.TRUE)
class ExpiredIdentityReferenceCleanup {

    static final String ENABLED = "cogov.buyer.reference-cleanup.enabled";
    private static final Logger LOG = LoggerFactory.getLogger(ExpiredIdentityReferenceCleanup.class);

    private final IdentityReferences references;
    private final Clock clock;

    ExpiredIdentityReferenceCleanup(IdentityReferences references, Clock clock) {
        this.references = references;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "5m", initialDelay = "1m")
    void deleteExpired() {
        try {
            long deleted = references.deleteExpiredBefore(clock.instant());
            if (deleted > 0) {
                LOG.info("Deleted {} expired buyer identity references", deleted);
            }
        } catch (RuntimeException e) {
            // The next run tries again; an unreachable database is reported by the health check, not here.
            LOG.warn("Could not delete expired buyer identity references: {}", e.toString());
        }
    }
}
