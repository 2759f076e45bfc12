package com.cogov.api.idempotency;

import com.cogov.api.shared.CogovException;
import com.cogov.api.shared.Digests;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One write's idempotency key: whose it is ({@code owner}), for which kind of write ({@code scope}) and a hash of the
 * body it came with. Built by {@link #of}, which refuses a missing or malformed {@code Idempotency-Key} header.
 */
public record IdempotentRequest(String scope, String owner, String key, String requestHash) {

    /** The format the counter's sales have always used: a UUID fits, a sequence number does not. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public IdempotentRequest {
        key = key.toLowerCase(Locale.ROOT); // the column compares without case; so must a key read back
    }

    /**
     * @param body the request as the server read it, in JSON: hashed to tell a retry from a different request sent
     *     with the same key
     */
    static IdempotentRequest of(String scope, String owner, @Nullable String key, String body) {
        return new IdempotentRequest(scope, owner, require(key), Digests.sha256Hex(body));
    }

    /** A present and well-formed {@code Idempotency-Key} header, or a 400 saying what to send. */
    public static String require(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw new CogovException(
                    ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
                    "请求头须包含 Idempotency-Key",
                    List.of(new Problem.FieldError("Idempotency-Key", "请求头须包含 Idempotency-Key")));
        }
        if (!KEY.matcher(key).matches()) {
            throw new CogovException(
                    ErrorCode.VALIDATION_FAILED,
                    "幂等键为8-64位字母、数字、- 或 _",
                    List.of(new Problem.FieldError("Idempotency-Key", "幂等键为8-64位字母、数字、- 或 _")));
        }
        return key;
    }
}
