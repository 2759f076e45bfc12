package com.cogov.api.contentcheck;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A message push that WeChat did not sign with our token (or signed too long ago to be fresh): 401. */
public class PushSignatureInvalidException extends CogovException {

    PushSignatureInvalidException(String detail) {
        super(ErrorCode.WECHAT_SIGNATURE_INVALID, detail);
    }
}
