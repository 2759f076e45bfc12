package com.cogov.api.crossborder;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** No such registration. */
public class CrossBorderNotFoundException extends CogovException {

    CrossBorderNotFoundException() {
        super(ErrorCode.CROSS_BORDER_PHARMACIST_NOT_FOUND, ErrorCode.CROSS_BORDER_PHARMACIST_NOT_FOUND.title());
    }
}
