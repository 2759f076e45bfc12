package com.cogov.api.account;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import java.time.Duration;

/** More password checks at once than the node can afford in memory; the sign-in is retried shortly. */
public final class SignInBusyException extends CogovException {

    SignInBusyException() {
        super(ErrorCode.SERVICE_UNAVAILABLE, "登录人数较多，请稍后再试");
        withRetryAfter(Duration.ofSeconds(2));
    }
}
