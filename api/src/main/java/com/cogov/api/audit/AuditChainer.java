package com.cogov.api.audit;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chains staged entries in the background on every node, {@code cogov.audit.chain-interval} (200 ms) apart, so the
 * trail in {@code audit_event} trails the business writes by a moment and no request waits for it. A node that
 * stops leaves its committed entries staged for the next node (or its own restart) to chain: nothing is lost.
 */
@Singleton
class AuditChainer {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainer.class);

    private final AuditService audit;
    private final AtomicBoolean failing = new AtomicBoolean();

    AuditChainer(AuditService audit) {
        this.audit = audit;
    }

    @Scheduled(fixedDelay = "${cogov.audit.chain-interval:200ms}", initialDelay = "${cogov.audit.chain-interval:200ms}")
    void chainStaged() {
        try {
            audit.flush();
            if (failing.compareAndSet(true, false)) {
                LOG.info("Audit chaining resumed");
            }
        } catch (RuntimeException e) {
            // The entries stay staged and committed; the next run chains them. Said once per outage, not every 200 ms.
            if (failing.compareAndSet(false, true)) {
                LOG.warn("Audit chaining failed, will retry: {}", e.toString());
            }
        }
    }
}
