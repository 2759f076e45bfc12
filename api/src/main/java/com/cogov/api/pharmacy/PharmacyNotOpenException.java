package com.cogov.api.pharmacy;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.pharmacy.PharmacyStatus;

/**
 * The pharmacy is suspended (409 PHARMACY_SUSPENDED) or closed (409 PHARMACY_CLOSED): what a sale, an activation code
 * or an edit of it is refused with, so the counter and the desk can tell the one from the other.
 */
public final class PharmacyNotOpenException extends CogovException {

    private PharmacyNotOpenException(ErrorCode code, String detail) {
        super(code, detail);
    }

    static PharmacyNotOpenException of(PharmacyStatus status) {
        return status == PharmacyStatus.CLOSED
                ? new PharmacyNotOpenException(ErrorCode.PHARMACY_CLOSED, "药店已关闭，不能再办理此业务")
                : new PharmacyNotOpenException(ErrorCode.PHARMACY_SUSPENDED, "药店已暂停营业，暂不能办理；恢复营业后即可继续。如有疑问请联系辖区市场监管所");
    }
}
