package com.cogov.api.notify;

/**
 * Tells people (docs/platform: notify). Call it inside the transaction of the change it reports: the notice is written
 * to the notification outbox with that change and sent afterwards with retries, so it is never lost and never sent
 * twice (the same {@link Notice#key()} again is ignored).
 */
public interface Notifier {

    /** Every active inspector of the district (6-digit code). */
    void toDistrictInspectors(String districtCode, Notice notice);

    /** Every active manager of the pharmacy. */
    void toPharmacyManagers(long pharmacyId, Notice notice);

    /**
     * Every active manager of every active pharmacy of the district, or of the city when {@code districtCode} is null:
     * e.g. a notice to pharmacies, published.
     */
    void toPharmacyManagersIn(@io.micronaut.core.annotation.Nullable String districtCode, Notice notice);

    /** One account, if active: e.g. the citizen who filed a complaint from the mini-program. */
    void toAccount(long accountId, Notice notice);
}
