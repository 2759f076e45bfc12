package com.cogov.api.catalog;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A readable photo in which no supported code was found: the clerk retakes it or types the code. */
public final class BarcodeNotFoundInImageException extends CogovException {

    BarcodeNotFoundInImageException() {
        super(ErrorCode.BARCODE_NOT_FOUND_IN_IMAGE, "照片中没有找到商品条码、追溯码或二维码。请把条码横放或竖放、占画面三分之一以上，对焦清晰、避免反光后重拍，或手工输入条码");
    }
}
