package com.cogov.api.job;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** No such job for this caller: another user's job is answered the same way, so ids reveal nothing. */
public final class JobNotFoundException extends CogovException {

    public JobNotFoundException() {
        super(ErrorCode.JOB_NOT_FOUND, ErrorCode.JOB_NOT_FOUND.title());
    }
}
