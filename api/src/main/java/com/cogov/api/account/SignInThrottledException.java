package com.cogov.api.account;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import java.time.Duration;

/** Too many failed sign-ins: for one account (lockout) or from one address. Carries when to try again. */
public final class SignInThrottledException extends CogovException {

    private SignInThrottledException(ErrorCode code, String detail) {
        super(code, detail);
    }

    static SignInThrottledException accountLocked(Duration wait) {
        return (SignInThrottledException)
                new SignInThrottledException(ErrorCode.ACCOUNT_LOCKED, "请在" + minutes(wait) + "分钟后再试，或联系管理员解锁")
                        .withRetryAfter(wait);
    }

    static SignInThrottledException tooManyFromAddress(Duration wait) {
        return (SignInThrottledException)
                new SignInThrottledException(ErrorCode.TOO_MANY_ATTEMPTS, "本网络登录尝试过于频繁，请在" + minutes(wait) + "分钟后再试")
                        .withRetryAfter(wait);
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
