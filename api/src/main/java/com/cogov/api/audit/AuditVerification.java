package com.cogov.api.audit;

import com.cogov.contracts.audit.AuditVerificationView;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * The result of walking the hash chain.
 *
 * @param intact        every row matches its hash, links to the row before, ids have no gaps, and the head is the last row
 * @param checked       rows found sound (all of them when intact; those before the first broken one otherwise)
 * @param firstBrokenId where the chain first breaks; null when intact
 * @param problem       what is wrong there: one of the {@code *} constants; null when intact
 */
public record AuditVerification(
        boolean intact,
        long checked,
        @Nullable Long firstBrokenId,
        @Nullable String problem,
        Instant verifiedAt) {

    public static final String CONTENT_CHANGED = "content does not match its hash";
    public static final String LINK_BROKEN = "previous-hash link broken";
    public static final String ROW_MISSING = "row missing before this id";
    public static final String HEAD_MISMATCH = "head does not match the last row";

    static AuditVerification sound(long checked) {
        return new AuditVerification(true, checked, null, null, Instant.now());
    }

    static AuditVerification broken(long checked, @Nullable Long firstBrokenId, String problem) {
        return new AuditVerification(false, checked, firstBrokenId, problem, Instant.now());
    }

    public AuditVerificationView view() {
        return new AuditVerificationView(intact, checked, firstBrokenId, problem, verifiedAt);
    }
}
