package com.cogov.api.audit;

import com.cogov.api.shared.Actor;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies the chain every night, so tampering is noticed within a day rather than at the next inspection. Every app
 * node runs it (each leaves its own {@code audit.verify} entry); it only reads, so that is harmless.
 * Off with {@code cogov.audit.scheduled-verification.enabled=false}.
 */
@Singleton
@Requires(property = ScheduledAuditVerification.ENABLED, notEquals = StringUtils.FALSE, defaultValue = StringUtils.TRUE)
class ScheduledAuditVerification {

    static final String ENABLED = "cogov.audit.scheduled-verification.enabled";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledAuditVerification.class);

    private final AuditService audit;

    ScheduledAuditVerification(AuditService audit) {
        this.audit = audit;
    }

    /** 02:30 in the city (CityConfiguration's zone): after midnight's batch work, before the bureau's working day. */
    @Scheduled(cron = "0 30 2 * * *", zoneId = "${cogov.city.zone:Asia/Shanghai}")
    void verifyNightly() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        AuditVerification result = audit.verify(Actor.system(traceId));
        if (result.intact()) {
            LOG.info("Audit chain intact: {} entries checked (trace {})", result.checked(), traceId);
        } else {
            LOG.error(
                    "AUDIT CHAIN BROKEN at entry {}: {} ({} entries sound before it; trace {})",
                    result.firstBrokenId(),
                    result.problem(),
                    result.checked(),
                    traceId);
        }
    }
}
