package com.cogov.api.account;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

public final class WeakPasswordException extends CogovException {

    WeakPasswordException(List<String> problems) {
        super(
                ErrorCode.PASSWORD_TOO_WEAK,
                "新密码" + String.join("；", problems),
                problems.stream()
                        .map(p -> new Problem.FieldError("newPassword", p))
                        .toList());
    }
}
