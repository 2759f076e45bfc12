package com.cogov.api.notify;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A query parameter of the inbox the platform cannot read, rather than one it silently ignores. */
public final class InboxQueryInvalidException extends CogovException {

    InboxQueryInvalidException(String field, String message) {
        super(
                ErrorCode.QUERY_PARAMETER_INVALID,
                ErrorCode.QUERY_PARAMETER_INVALID.title(),
                List.of(new Problem.FieldError(field, message)));
    }
}
