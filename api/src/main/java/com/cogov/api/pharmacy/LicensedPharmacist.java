package com.cogov.api.pharmacy;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A licensed pharmacist on a pharmacy's register, as other features read it (the public pharmacy search): name and
 * licence number as the public register shows them, and when their duty mark lapses.
 *
 * @param onDutyUntil null when not marked on duty; on duty while the time is before it
 */
public record LicensedPharmacist(
        long id,
        long pharmacyId,
        String name,
        String licenseNumber,
        @Nullable Instant onDutyUntil) {

    public boolean onDutyAt(Instant now) {
        return onDutyUntil != null && now.isBefore(onDutyUntil);
    }
}
