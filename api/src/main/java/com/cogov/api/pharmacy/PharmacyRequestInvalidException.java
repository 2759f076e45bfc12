package com.cogov.api.pharmacy;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A request whose fields do not fit together, or a list parameter out of its range (400). */
public final class PharmacyRequestInvalidException extends CogovException {

    private PharmacyRequestInvalidException(ErrorCode code, String field, String detail) {
        super(code, detail, List.of(new Problem.FieldError(field, detail)));
    }

    static PharmacyRequestInvalidException field(String field, String detail) {
        return new PharmacyRequestInvalidException(ErrorCode.VALIDATION_FAILED, field, detail);
    }

    static PharmacyRequestInvalidException parameter(String parameter, String detail) {
        return new PharmacyRequestInvalidException(ErrorCode.QUERY_PARAMETER_INVALID, parameter, detail);
    }
}
