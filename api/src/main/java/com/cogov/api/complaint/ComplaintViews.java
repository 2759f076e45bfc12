package com.cogov.api.complaint;

import com.cogov.contracts.complaint.ComplaintCategory;
import com.cogov.contracts.complaint.ComplaintKind;
import com.cogov.contracts.complaint.ComplaintOutcome;
import com.cogov.contracts.complaint.ComplaintStatus;
import com.cogov.contracts.complaint.ComplaintStatusView;
import com.cogov.contracts.complaint.FilingReceipt;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** Rows as the filer sees them: status, deadlines and what they were told; never the handlers' notes. */
final class ComplaintViews {

    private ComplaintViews() {}

    static FilingReceipt receipt(CaseRow c, @Nullable String queryCode, @Nullable String linkedTrackingNumber) {
        return new FilingReceipt(
                c.id(),
                c.trackingNumber(),
                queryCode,
                ComplaintKind.valueOf(c.kind()),
                ComplaintStatus.valueOf(c.status()),
                CaseDeadlines.views(c),
                c.lateFiling(),
                linkedTrackingNumber);
    }

    static ComplaintStatusView status(
            CaseRow c, List<TimelineStore.Step> steps, @Nullable String linkedTrackingNumber) {
        return new ComplaintStatusView(
                c.trackingNumber(),
                ComplaintKind.valueOf(c.kind()),
                ComplaintCategory.valueOf(c.category()),
                ComplaintStatus.valueOf(c.status()),
                c.outcome() == null ? null : ComplaintOutcome.valueOf(c.outcome()),
                c.receivedOn(),
                CaseDeadlines.views(c),
                steps.stream()
                        .filter(s -> s.publicText() != null)
                        .map(s -> new ComplaintStatusView.Reply(s.at(), s.publicText()))
                        .toList(),
                linkedTrackingNumber);
    }
}
