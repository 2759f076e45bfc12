package com.cogov.api.registration;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** The rules refuse the sale. Each blocking finding is listed with its rule code as the field when it has none. */
public final class RegistrationBlockedException extends CogovException {

    RegistrationBlockedException(List<Finding> blocks) {
        super(
                ErrorCode.REGISTRATION_BLOCKED,
                String.join("；", blocks.stream().map(Finding::message).toList()),
                blocks.stream()
                        .map(f -> new Problem.FieldError(
                                f.field() == null ? f.code() : f.field(), f.code() + "：" + f.message()))
                        .toList());
    }
}
