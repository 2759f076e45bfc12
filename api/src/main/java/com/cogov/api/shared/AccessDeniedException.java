package com.cogov.api.shared;

import com.cogov.contracts.error.ErrorCode;

/** The caller is known but may not do this. Out-of-scope object ids answer 404 instead, to not reveal them. */
public final class AccessDeniedException extends CogovException {

    public AccessDeniedException(String detail) {
        super(ErrorCode.FORBIDDEN, detail);
    }
}
