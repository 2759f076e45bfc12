package com.cogov.api.catalog;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A scanned or typed code that cannot be a commodity barcode or a traceability code. */
public final class InvalidBarcodeException extends CogovException {

    private InvalidBarcodeException(String detail) {
        super(ErrorCode.BARCODE_INVALID, detail);
    }

    static InvalidBarcodeException wrongShape() {
        return new InvalidBarcodeException("条码应为8、12或13位数字的商品条码，或20位数字的药品追溯码");
    }

    static InvalidBarcodeException wrongCheckDigit() {
        return new InvalidBarcodeException("条码校验位不正确，可能扫描或输入有误，请重新扫描");
    }
}
