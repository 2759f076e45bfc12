package com.cogov.api.account;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

public final class AccountDisabledException extends CogovException {

    AccountDisabledException() {
        super(ErrorCode.ACCOUNT_DISABLED, "该账号已被停用");
    }

    /** The staff of a suspended or closed pharmacy: told why, and that reopening gives the account back. */
    static AccountDisabledException withPharmacy() {
        return new AccountDisabledException("所在药店已暂停营业或关闭，账号随之停用；药店恢复营业后即可重新登录");
    }

    private AccountDisabledException(String detail) {
        super(ErrorCode.ACCOUNT_DISABLED, detail);
    }
}
