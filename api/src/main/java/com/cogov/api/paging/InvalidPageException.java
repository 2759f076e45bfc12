package com.cogov.api.paging;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A page asked for with a limit out of range or a cursor this platform did not give out. */
public final class InvalidPageException extends CogovException {

    private InvalidPageException(ErrorCode code, String field) {
        super(code, code.title(), List.of(new Problem.FieldError(field, code.title())));
    }

    static InvalidPageException limit() {
        return new InvalidPageException(ErrorCode.PAGE_LIMIT_INVALID, "limit");
    }

    static InvalidPageException cursor() {
        return new InvalidPageException(ErrorCode.PAGE_CURSOR_INVALID, "cursor");
    }
}
