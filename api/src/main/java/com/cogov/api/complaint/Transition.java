package com.cogov.api.complaint;

import com.cogov.contracts.complaint.ComplaintOutcome;
import com.cogov.contracts.complaint.ComplaintStatus;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The steps a handler takes on a case, each allowed from some statuses of one kind of case (docs/complaints.md has the
 * diagram). A step from any other status is refused with 409; while the content check holds a case, only
 * {@code clear-content} is.
 */
enum Transition {
    ACCEPT("accept", CaseRow.COMPLAINT, Set.of(ComplaintStatus.RECEIVED)),
    REJECT("reject", CaseRow.COMPLAINT, Set.of(ComplaintStatus.RECEIVED)),
    ASSIGN(
            "assign",
            null,
            Set.of(
                    ComplaintStatus.RECEIVED,
                    ComplaintStatus.ACCEPTED,
                    ComplaintStatus.MEDIATING,
                    ComplaintStatus.CASE_DECISION)),
    EXTEND("extend", CaseRow.REPORT, Set.of(ComplaintStatus.CASE_DECISION)),
    START_MEDIATION("start-mediation", CaseRow.COMPLAINT, Set.of(ComplaintStatus.ACCEPTED)),
    CLOSE("close", null, Set.of(ComplaintStatus.ACCEPTED, ComplaintStatus.MEDIATING, ComplaintStatus.CASE_DECISION)),
    /** A person has looked at what the content check flagged (or waited on) and lets the case start. */
    CLEAR_CONTENT("clear-content", null, Set.of(ComplaintStatus.PENDING_CONTENT_CHECK)),
    REPLY(
            "reply",
            null,
            Set.of(
                    ComplaintStatus.RECEIVED,
                    ComplaintStatus.ACCEPTED,
                    ComplaintStatus.REJECTED,
                    ComplaintStatus.MEDIATING,
                    ComplaintStatus.CASE_DECISION,
                    ComplaintStatus.CLOSED));

    final String path;
    private final String kind;
    private final Set<ComplaintStatus> from;

    Transition(String path, String kind, Set<ComplaintStatus> from) {
        this.path = path;
        this.kind = kind;
        this.from = from;
    }

    static Optional<Transition> ofPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst();
    }

    boolean allowed(CaseRow c) {
        return (kind == null || kind.equals(c.kind())) && from.contains(ComplaintStatus.valueOf(c.status()));
    }

    /** How a case of this kind, in this status, may be closed (Art. 21, 31). */
    static Set<ComplaintOutcome> outcomes(CaseRow c) {
        if (!c.complaint()) {
            return Set.of(ComplaintOutcome.CASE_OPENED, ComplaintOutcome.CASE_NOT_OPENED);
        }
        return ComplaintStatus.MEDIATING.name().equals(c.status())
                ? Set.of(ComplaintOutcome.AGREED, ComplaintOutcome.NOT_AGREED, ComplaintOutcome.WITHDRAWN)
                : Set.of(ComplaintOutcome.WITHDRAWN);
    }
}
