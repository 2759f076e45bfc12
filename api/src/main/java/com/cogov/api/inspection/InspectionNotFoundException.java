package com.cogov.api.inspection;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** No such inspection, or one outside the caller's district or pharmacy: the same answer, so ids cannot be probed. */
public final class InspectionNotFoundException extends CogovException {

    InspectionNotFoundException(long id) {
        super(ErrorCode.INSPECTION_NOT_FOUND, "检查记录 " + id + " 不存在或不在您的管理范围内");
    }
}
