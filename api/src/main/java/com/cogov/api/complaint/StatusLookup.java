package com.cogov.api.complaint;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.contracts.complaint.ComplaintStatusView;
import com.cogov.contracts.paging.Page;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A filer following their case: by tracking number and query code without an account (the public web, or a
 * mini-program user on another phone), or their own list in the mini-program. An unknown number and a wrong code
 * answer the same 404 after the same work (a hash compared in constant time either way), and both count against the
 * address and the number, so neither numbers nor codes can be probed.
 */
@Singleton
class StatusLookup {

    private static final Pattern NUMBER = Pattern.compile("TS\\d{14}");
    /** Compared against when the number is unknown, so that the answer takes as long as for a wrong code. */
    private static final String NO_CASE = Codes.hash("TS00000000000000", "-");

    private final ComplaintStore cases;
    private final TimelineStore timeline;
    private final ComplaintThrottle throttle;

    StatusLookup(ComplaintStore cases, TimelineStore timeline, ComplaintThrottle throttle) {
        this.cases = cases;
        this.timeline = timeline;
        this.throttle = throttle;
    }

    @ReadOnly
    ComplaintStatusView byCode(String address, String trackingNumber, String queryCode) {
        String number = trackingNumber.strip().toUpperCase(Locale.ROOT);
        throttle.beforeLookup(address, number);
        Optional<CaseRow> found =
                NUMBER.matcher(number).matches() ? cases.findByTrackingNumber(number) : Optional.empty();
        boolean matches = Codes.matches(found.map(CaseRow::queryCodeHash).orElse(NO_CASE), number, queryCode);
        if (found.isEmpty() || !matches) {
            throttle.wrongCode(address, number);
            throw new ComplaintNotFoundException();
        }
        return view(found.get());
    }

    @ReadOnly
    Page<ComplaintStatusView> mine(long accountId, PageRequest page) {
        Cursor after = page.after();
        List<CaseRow> rows = cases.ofFiler(
                accountId, after == null ? null : after.at(), after == null ? 0 : after.id(), page.fetchSize());
        return Pages.of(rows, page, c -> new Cursor(c.receivedAt(), c.id()), this::view);
    }

    private ComplaintStatusView view(CaseRow c) {
        return ComplaintViews.status(
                c, timeline.of(c.id()), cases.trackingNumber(c.linkedId()).orElse(null));
    }
}
