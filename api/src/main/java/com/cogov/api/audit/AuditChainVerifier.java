package com.cogov.api.audit;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.List;

/** Walks the chain from the first row and recomputes it. */
@Singleton
class AuditChainVerifier {

    static final int PAGE_SIZE = 1000;

    private final AuditChainHeadRepository heads;
    private final AuditEventRepository events;

    AuditChainVerifier(AuditChainHeadRepository heads, AuditEventRepository events) {
        this.heads = heads;
        this.events = events;
    }

    /**
     * One REPEATABLE READ transaction: the head and every page come from the same InnoDB snapshot, so appends made
     * while the walk runs are neither half-seen nor mistaken for rows beyond the head.
     */
    @ReadOnly(isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public AuditVerification walk() {
        AuditChainHead head = heads.read();
        long expectedId = 1;
        String expectedPrevHash = AuditHashing.GENESIS;
        long afterId = 0;
        while (true) {
            List<AuditEvent> page = events.findChainPage(afterId, PAGE_SIZE);
            for (AuditEvent event : page) {
                long sound = expectedId - 1;
                if (event.id() != expectedId) {
                    return AuditVerification.broken(sound, event.id(), AuditVerification.ROW_MISSING);
                }
                if (!event.prevHash().equals(expectedPrevHash)) {
                    return AuditVerification.broken(sound, event.id(), AuditVerification.LINK_BROKEN);
                }
                if (!AuditHashing.hash(event).equals(event.hash())) {
                    return AuditVerification.broken(sound, event.id(), AuditVerification.CONTENT_CHANGED);
                }
                expectedId++;
                expectedPrevHash = event.hash();
            }
            if (page.size() < PAGE_SIZE) {
                break;
            }
            afterId = page.get(page.size() - 1).id();
        }
        long lastId = expectedId - 1;
        if (head.lastId() != lastId || !head.lastHash().equals(expectedPrevHash)) {
            // Rows missing at the end (head ahead) or rows added behind the service (head behind) break at the first
            // id past the shorter of the two; the same id with another hash breaks at the last row.
            long broken = head.lastId() == lastId ? lastId : Math.min(head.lastId(), lastId) + 1;
            return AuditVerification.broken(lastId, broken == 0 ? null : broken, AuditVerification.HEAD_MISMATCH);
        }
        return AuditVerification.sound(lastId);
    }
}
