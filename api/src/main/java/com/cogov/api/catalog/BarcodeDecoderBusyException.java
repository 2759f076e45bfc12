package com.cogov.api.catalog;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import java.time.Duration;

/** More photos at once than the node's cores can decode; the client retries shortly. */
public final class BarcodeDecoderBusyException extends CogovException {

    BarcodeDecoderBusyException() {
        super(ErrorCode.SERVICE_UNAVAILABLE, "识别照片的人较多，请稍后重试，或直接扫码、手工输入条码");
        withRetryAfter(Duration.ofSeconds(2));
    }
}
