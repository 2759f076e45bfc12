package com.cogov.api.shared;

import com.cogov.contracts.error.ErrorCode;

import java.time.Duration;

/** Every database connection stayed busy for the pool's whole wait: the request was not done, and a retry can be. */
public class ServiceBusyException extends CogovException {

    public ServiceBusyException() {
        super(ErrorCode.SERVICE_UNAVAILABLE, "系统繁忙，本次操作未完成，请稍后重试");
        withRetryAfter(Duration.ofSeconds(1));
    }
}
