package com.cogov.api.buyer;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/**
 * WeChat's OCR failed for reasons of its own (down, timing out, over quota): nothing wrong with the photo, so the
 * clerk is told to try again shortly or to type the number meanwhile.
 */
public final class IdCardOcrUnavailableException extends CogovException {

    IdCardOcrUnavailableException() {
        super(ErrorCode.WECHAT_UNAVAILABLE, "微信证件识别服务暂时无法访问，请稍后重试，或手工输入证件号码");
    }
}
