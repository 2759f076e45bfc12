package com.cogov.api.account;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

public final class AccountDisabledException extends CogovException {

    AccountDisabledException() {
        super(ErrorCode.ACCOUNT_DISABLED, "该账号已被停用");
    }
}
