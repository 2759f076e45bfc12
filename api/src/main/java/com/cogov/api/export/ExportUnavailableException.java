package com.cogov.api.export;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** The export's file cannot be fetched now: not made yet (409), or removed after its 24 hours (410). */
public final class ExportUnavailableException extends CogovException {

    private ExportUnavailableException(ErrorCode code) {
        super(code, code.title());
    }

    static ExportUnavailableException notReady() {
        return new ExportUnavailableException(ErrorCode.EXPORT_NOT_READY);
    }

    static ExportUnavailableException expired() {
        return new ExportUnavailableException(ErrorCode.EXPORT_EXPIRED);
    }
}
