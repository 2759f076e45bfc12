package com.cogov.api.pharmacy;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** No such pharmacist in the caller's pharmacy (another pharmacy's answers the same: 404, never 403). */
public final class PharmacistNotFoundException extends CogovException {

    PharmacistNotFoundException() {
        super(ErrorCode.PHARMACIST_NOT_FOUND, ErrorCode.PHARMACIST_NOT_FOUND.title());
    }
}
