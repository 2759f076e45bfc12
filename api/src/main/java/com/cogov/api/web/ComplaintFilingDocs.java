package com.cogov.api.web;

/**
 * The words both doors' complaint filing routes publish (the mini-program's and the public web's): one text, so the two
 * documents cannot drift apart while the routes differ in who files and what limits apply.
 */
public final class ComplaintFilingDocs {

    public static final String FILING = "Send a new Idempotency-Key per filing and the same key when retrying: a retry"
            + " answers the same tracking number (without the query code, which is shown once). BOTH is split into a"
            + " linked complaint and report.";

    public static final String FILING_400 = "VALIDATION_FAILED (e.g. a phone that is not a mainland mobile or landline,"
            + " text over 5,000 characters), MALFORMED_REQUEST, IDEMPOTENCY_KEY_REQUIRED, COMPLAINT_INCOMPLETE (a"
            + " complaint without complainant or claim; a target without name, address and district),"
            + " COMPLAINT_DATE_INVALID (occurredOn in the future), ATTACHMENTS_TOO_MANY, ATTACHMENT_INVALID";

    public static final String FILING_404 = "PHARMACY_NOT_FOUND, DISTRICT_NOT_FOUND: the target named is unknown";

    public static final String ATTACHMENT = "Multipart field `file`: a JPEG, PNG or WebP image or a PDF of at most"
            + " 10 MB, judged by its content, never its name. Images are re-encoded without EXIF. Send the answered id"
            + " in the filing's attachmentIds (at most 9); an upload no filing uses is removed after a day.";

    private ComplaintFilingDocs() {}
}
