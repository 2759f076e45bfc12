package com.cogov.api.account;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** An account request whose fields do not fit together (a clerk without a pharmacy, a taken username, ...). */
public final class AccountRequestInvalidException extends CogovException {

    private AccountRequestInvalidException(ErrorCode code, String detail, List<Problem.FieldError> errors) {
        super(code, detail, errors);
    }

    static AccountRequestInvalidException field(String field, String message) {
        return new AccountRequestInvalidException(
                ErrorCode.VALIDATION_FAILED, message, List.of(new Problem.FieldError(field, message)));
    }

    static AccountRequestInvalidException usernameTaken(String username) {
        return new AccountRequestInvalidException(
                ErrorCode.USERNAME_TAKEN,
                "用户名 " + username + " 已被使用",
                List.of(new Problem.FieldError("username", "已被使用")));
    }
}
