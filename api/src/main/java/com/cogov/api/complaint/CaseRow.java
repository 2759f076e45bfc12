package com.cogov.api.complaint;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code complaint}, as read. Personal values stay sealed here. */
record CaseRow(
        long id,
        String trackingNumber,
        String queryCodeHash,
        String kind,
        @Nullable Long linkedId,
        String channel,
        @Nullable Long filerAccountId,
        String category,
        String status,
        @Nullable String outcome,
        String districtCode,
        @Nullable Long targetPharmacyId,
        String targetName,
        @Nullable String targetAddress,
        String facts,
        @Nullable String claim,
        @Nullable LocalDate occurredOn,
        boolean lateFiling,
        @Nullable String nameSealed,
        @Nullable String phoneSealed,
        @Nullable String addressSealed,
        Instant receivedAt,
        LocalDate receivedOn,
        Due decision,
        boolean extended,
        @Nullable LocalDate mediationStartedOn,
        @Nullable Due mediation,
        @Nullable LocalDate decidedOn,
        @Nullable Due notice,
        @Nullable LocalDate dueDate,
        @Nullable String dueFlag,
        @Nullable Instant closedAt) {

    static final String COMPLAINT = "COMPLAINT";
    static final String REPORT = "REPORT";
    static final String WEB = "WEB";
    static final String MINIPROGRAM = "MINIPROGRAM";

    /** A deadline as stored: its date and whether the calendar of its year was loaded when it was counted. */
    record Due(LocalDate date, boolean provisional) {}

    boolean complaint() {
        return COMPLAINT.equals(kind);
    }

    /** A reporter who gave their name (Art. 31: they are told of the decision); a complainant always has. */
    boolean realName() {
        return nameSealed != null;
    }
}
