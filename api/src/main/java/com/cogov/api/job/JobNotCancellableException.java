package com.cogov.api.job;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** The job has ended (done, failed or cancelled already): there is nothing left to cancel. */
public final class JobNotCancellableException extends CogovException {

    JobNotCancellableException() {
        super(ErrorCode.JOB_NOT_CANCELLABLE, ErrorCode.JOB_NOT_CANCELLABLE.title());
    }
}
