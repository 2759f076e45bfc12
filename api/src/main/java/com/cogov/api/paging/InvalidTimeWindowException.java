package com.cogov.api.paging;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A list's {@code from} or {@code to} that is missing where required, malformed, reversed or too far apart. */
public final class InvalidTimeWindowException extends CogovException {

    private InvalidTimeWindowException(String field, String detail) {
        super(ErrorCode.TIME_SPAN_INVALID, detail, List.of(new Problem.FieldError(field, detail)));
    }

    static InvalidTimeWindowException of(String field, String detail) {
        return new InvalidTimeWindowException(field, detail);
    }
}
