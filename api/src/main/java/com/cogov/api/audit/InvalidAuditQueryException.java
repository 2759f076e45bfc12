package com.cogov.api.audit;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** An audit search the trail cannot answer as asked (a malformed action, an unbacked filter, an empty time window). */
public final class InvalidAuditQueryException extends CogovException {

    private InvalidAuditQueryException(String field, String message) {
        super(ErrorCode.VALIDATION_FAILED, message, List.of(new Problem.FieldError(field, message)));
    }

    static InvalidAuditQueryException of(String field, String message) {
        return new InvalidAuditQueryException(field, message);
    }
}
