package com.cogov.api.alert;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** No such alert, or one outside the caller's district: the same answer, so ids outside a scope are not revealed. */
public final class AlertNotFoundException extends CogovException {

    AlertNotFoundException() {
        super(ErrorCode.ALERT_NOT_FOUND, "未找到该预警，或它不在您的辖区");
    }
}
