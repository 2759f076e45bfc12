package com.cogov.api.alert;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A worklist filter (the list's or an export's) that cannot be read: which parameter, and what it should be. */
public final class AlertQueryInvalidException extends CogovException {

    private AlertQueryInvalidException(ErrorCode code, String field, String message) {
        super(code, message, List.of(new Problem.FieldError(field, message)));
    }

    static AlertQueryInvalidException parameter(String field, String message) {
        return new AlertQueryInvalidException(ErrorCode.QUERY_PARAMETER_INVALID, field, message);
    }
}
