package com.cogov.api.shared;

import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A rejection the user can act on. Features throw named subclasses ({@code DrugNotFoundException.forBarcode(..)});
 * the web glue turns every one of them into the same problem+json answer with the code's HTTP status.
 * The message is Chinese and safe to show: never put personal data or internals in it.
 */
public class CogovException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem.FieldError> fieldErrors;
    private Duration retryAfter;

    public CogovException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public CogovException(ErrorCode code, String detail, List<Problem.FieldError> fieldErrors) {
        super(detail, null, false, false); // expected outcomes: no stack trace to fill or log
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem.FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** For throttling answers: when trying again can succeed (sent as {@code Retry-After}). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    protected CogovException withRetryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }
}
