package com.cogov.api.complaint;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits of the complaints feature ({@code cogov.complaint.*}).
 *
 * @param filingsPerAddress      web filings one client address may make per {@code filingWindow}: the public web has
 *                               no account to hold to account, so the address is what is limited
 * @param lookupsPerAddress      wrong query codes one address may send per {@code lookupWindow}
 * @param lookupsPerCase         wrong query codes one tracking number may receive per {@code lookupWindow}, from any
 *                               address: a botnet guessing one case's code is stopped too
 * @param attachmentMaxBytes     one attachment, after which the upload is refused
 * @param attachmentsPerCase     Art. 9 puts no number; 9 is what the mini-program's picker offers
 * @param unusedAttachmentExpiry an upload no filing used is removed after this
 */
@ConfigurationProperties(ComplaintConfiguration.PREFIX)
record ComplaintConfiguration(
        @Bindable(defaultValue = "10") int filingsPerAddress,
        @Bindable(defaultValue = "1h") Duration filingWindow,
        @Bindable(defaultValue = "10") int lookupsPerAddress,
        @Bindable(defaultValue = "5") int lookupsPerCase,
        @Bindable(defaultValue = "15m") Duration lookupWindow,
        @Bindable(defaultValue = "10485760") int attachmentMaxBytes,
        @Bindable(defaultValue = "9") int attachmentsPerCase,
        @Bindable(defaultValue = "1d") Duration unusedAttachmentExpiry) {

    static final String PREFIX = "cogov.complaint";
}
