package com.cogov.api.account;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A sign-in step that failed. Unknown users and wrong passwords get the same answer: no account enumeration. */
public final class SignInRejectedException extends CogovException {

    private SignInRejectedException(ErrorCode code, String detail) {
        super(code, detail);
    }

    static SignInRejectedException badCredentials() {
        return new SignInRejectedException(ErrorCode.CREDENTIALS_INVALID, "请核对用户名和密码；连续失败5次将临时锁定15分钟");
    }

    static SignInRejectedException badWeChatCode() {
        return new SignInRejectedException(ErrorCode.WECHAT_CODE_INVALID, "微信登录凭证无效或已使用");
    }

    static SignInRejectedException badToken() {
        return new SignInRejectedException(ErrorCode.TOKEN_INVALID, "登录凭证无效、已使用或已过期");
    }

    static SignInRejectedException badTotp() {
        return new SignInRejectedException(ErrorCode.TOTP_INVALID, "动态验证码不正确");
    }
}
