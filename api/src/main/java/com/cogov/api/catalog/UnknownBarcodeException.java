package com.cogov.api.catalog;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A code with no open report to resolve: never reported (404), or already handled (409). */
public final class UnknownBarcodeException extends CogovException {

    private UnknownBarcodeException(ErrorCode code, String detail) {
        super(code, detail);
    }

    static UnknownBarcodeException notReported(String barcode) {
        return new UnknownBarcodeException(ErrorCode.UNKNOWN_BARCODE_NOT_FOUND, "没有药店上报过条码 " + barcode);
    }

    static UnknownBarcodeException handled(String barcode) {
        return new UnknownBarcodeException(
                ErrorCode.UNKNOWN_BARCODE_ALREADY_HANDLED, "条码 " + barcode + " 的上报已处理完毕，没有待处理的上报");
    }
}
