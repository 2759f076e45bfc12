package com.cogov.api.account;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** WeChat's server failed or timed out: nothing the user did wrong, so they are told to retry. */
public final class WeChatUnavailableException extends CogovException {

    WeChatUnavailableException() {
        super(ErrorCode.WECHAT_UNAVAILABLE, "微信服务暂时无法访问");
    }
}
