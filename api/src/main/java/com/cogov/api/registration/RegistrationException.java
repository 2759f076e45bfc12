package com.cogov.api.registration;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A registration request the clerk must correct or that conflicts with an earlier one; the code says which. */
public final class RegistrationException extends CogovException {

    private RegistrationException(ErrorCode code, String detail, @Nullable String field) {
        super(code, detail, field == null ? List.of() : List.of(new Problem.FieldError(field, detail)));
    }

    static RegistrationException of(ErrorCode code, String detail) {
        return new RegistrationException(code, detail, null);
    }

    static RegistrationException field(ErrorCode code, String field, String detail) {
        return new RegistrationException(code, detail, field);
    }

    /** The number is not repeated when it is not one: it is the caller's text. */
    static RegistrationException notFound(@Nullable String number) {
        boolean shaped =
                number != null && RegistrationNumbers.SHAPE.matcher(number).matches();
        return new RegistrationException(
                ErrorCode.REGISTRATION_NOT_FOUND,
                (shaped ? "登记 " + number : "该登记编号") + " 不存在或不属于本药店，请核对登记编号（DJ 加 18 位数字）",
                null);
    }
}
