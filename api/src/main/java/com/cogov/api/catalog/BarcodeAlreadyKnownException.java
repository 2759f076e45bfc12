package com.cogov.api.catalog;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A clerk reported a code that the catalog already resolves: there is nothing for the regulator to add. */
public final class BarcodeAlreadyKnownException extends CogovException {

    BarcodeAlreadyKnownException(String code, String drugName) {
        super(ErrorCode.BARCODE_ALREADY_KNOWN, "条码 " + code + " 已在药品目录中（" + drugName + "），无需上报，请重新扫码查询");
    }
}
