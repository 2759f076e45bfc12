package com.cogov.api.web;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import java.time.Duration;

/** Too many public queries from one address in the window (429, with Retry-After). */
final class PublicThrottledException extends CogovException {

    PublicThrottledException(Duration wait) {
        super(ErrorCode.TOO_MANY_REQUESTS, "查询过于频繁，请在" + Math.max(1, wait.toSeconds()) + "秒后再试");
        withRetryAfter(wait);
    }
}
