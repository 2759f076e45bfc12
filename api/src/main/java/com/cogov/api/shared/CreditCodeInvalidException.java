package com.cogov.api.shared;

import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A unified social credit code that is not one (length, a character outside the charset, or the check character). */
public final class CreditCodeInvalidException extends CogovException {

    CreditCodeInvalidException() {
        super(
                ErrorCode.CREDIT_CODE_INVALID,
                ErrorCode.CREDIT_CODE_INVALID.title(),
                List.of(new Problem.FieldError("creditCode", "统一社会信用代码无效，请核对营业执照上的18位代码")));
    }
}
