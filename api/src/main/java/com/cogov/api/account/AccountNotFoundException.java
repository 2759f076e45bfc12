package com.cogov.api.account;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** Also the answer for an account outside the caller's scope: its existence is not revealed. */
public final class AccountNotFoundException extends CogovException {

    AccountNotFoundException(long id) {
        super(ErrorCode.ACCOUNT_NOT_FOUND, "账号 " + id + " 不存在或不在您的管理范围内");
    }
}
