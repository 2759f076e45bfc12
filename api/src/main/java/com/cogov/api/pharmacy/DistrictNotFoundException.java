package com.cogov.api.pharmacy;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** No such district, or one outside a district inspector's own: answered alike (404), so scope leaks nothing. */
public final class DistrictNotFoundException extends CogovException {

    DistrictNotFoundException(String code) {
        super(ErrorCode.DISTRICT_NOT_FOUND, "行政区 " + code + " 不存在或不在您的管理范围内");
    }
}
