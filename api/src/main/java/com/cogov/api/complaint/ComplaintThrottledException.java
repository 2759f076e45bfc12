package com.cogov.api.complaint;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import java.time.Duration;

/** Too many filings or wrong query codes from one address, or for one case. Carries when to try again. */
public final class ComplaintThrottledException extends CogovException {

    private ComplaintThrottledException(String detail, Duration wait) {
        super(ErrorCode.TOO_MANY_ATTEMPTS, detail);
        withRetryAfter(wait);
    }

    static ComplaintThrottledException filings(Duration wait) {
        return new ComplaintThrottledException("本网络提交投诉举报过于频繁，请在" + minutes(wait) + "分钟后再试", wait);
    }

    static ComplaintThrottledException lookups(Duration wait) {
        return new ComplaintThrottledException("查询码错误次数过多，请在" + minutes(wait) + "分钟后再试", wait);
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
