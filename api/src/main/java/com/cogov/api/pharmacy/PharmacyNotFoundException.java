package com.cogov.api.pharmacy;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

public final class PharmacyNotFoundException extends CogovException {

    public PharmacyNotFoundException(long id) {
        super(ErrorCode.PHARMACY_NOT_FOUND, "药店 " + id + " 不存在或不在您的管理范围内");
    }
}
