package com.cogov.api.account;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

public final class ActivationCodeInvalidException extends CogovException {

    ActivationCodeInvalidException() {
        super(ErrorCode.ACTIVATION_CODE_INVALID, "激活码只能使用一次，有效期72小时");
    }
}
