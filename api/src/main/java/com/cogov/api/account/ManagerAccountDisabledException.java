package com.cogov.api.account;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/**
 * The pharmacy's manager was disabled on their own (not by the pharmacy's suspension): a new code would not let them
 * in, so the regulator is told to enable the account first (409), rather than hand out a code that fails at binding.
 */
public final class ManagerAccountDisabledException extends CogovException {

    ManagerAccountDisabledException(long accountId) {
        super(ErrorCode.MANAGER_ACCOUNT_DISABLED, "该药店的店长账号（" + accountId + "）已被单独停用，请先在账号管理中启用后再签发激活码");
    }
}
