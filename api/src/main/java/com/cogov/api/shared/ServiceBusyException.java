package com.cogov.api.shared;

import com.cogov.contracts.error.ErrorCode;
import java.time.Duration;

/**
 * The database could not do the work now: every connection stayed busy for the pool's whole wait, or it rolled the
 * transaction back after waiting for another's lock (or to break a deadlock). Nothing was done, and a retry can be.
 */
public class ServiceBusyException extends CogovException {

    public ServiceBusyException() {
        super(ErrorCode.SERVICE_UNAVAILABLE, "系统繁忙，本次操作未完成，请稍后重试");
        withRetryAfter(Duration.ofSeconds(1));
    }
}
