package com.cogov.api.pharmacy;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A licence number already on the register (one licence, one place of practice). */
public final class PharmacistLicenseTakenException extends CogovException {

    PharmacistLicenseTakenException() {
        super(
                ErrorCode.PHARMACIST_LICENSE_TAKEN,
                ErrorCode.PHARMACIST_LICENSE_TAKEN.title(),
                List.of(new Problem.FieldError("licenseNumber", ErrorCode.PHARMACIST_LICENSE_TAKEN.title())));
    }
}
