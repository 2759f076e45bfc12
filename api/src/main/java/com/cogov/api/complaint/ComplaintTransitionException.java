package com.cogov.api.complaint;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A step the case's kind or status does not allow now (409), with what is allowed instead. */
public class ComplaintTransitionException extends CogovException {

    ComplaintTransitionException(String detail) {
        super(ErrorCode.COMPLAINT_TRANSITION_INVALID, detail);
    }
}
