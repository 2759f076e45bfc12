package com.cogov.api.account;

import cn.binarywang.wx.miniapp.api.WxMaService;
import jakarta.inject.Singleton;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat's sign-in calls through WxJava: {@code jscode2session} for the openid, {@code getuserphonenumber} for the
 * phone. Turns WeChat's answers into named exceptions: a code WeChat refuses is the user's to fix (400), anything else
 * is WeChat's or the network's (503, logged by error code or exception class only).
 */
@Singleton
class WeChatLogin {

    private static final Logger LOG = LoggerFactory.getLogger(WeChatLogin.class);

    private final WxMaService weChat;

    WeChatLogin(WxMaService weChat) {
        this.weChat = weChat;
    }

    String openidFor(String code) {
        return fromWeChat(() -> weChat.getUserService().getSessionInfo(code).getOpenid());
    }

    String phoneFor(String code) {
        return fromWeChat(() -> weChat.getUserService().getPhoneNumber(code).getPurePhoneNumber());
    }

    private interface WeChatCall<T> {
        T call() throws WxErrorException;
    }

    private static <T> T fromWeChat(WeChatCall<T> call) {
        try {
            return call.call();
        } catch (WxErrorException e) {
            if (isBadCode(e)) {
                throw SignInRejectedException.badWeChatCode();
            }
            LOG.warn(
                    "WeChat refused the call: errcode {}",
                    e.getError() == null ? null : e.getError().getErrorCode());
            throw new WeChatUnavailableException();
        } catch (RuntimeException e) {
            // The class only: a message may carry the request's URL, with the user's code and the AppSecret in it.
            LOG.warn("WeChat unreachable: {}", e.getClass().getName());
            throw new WeChatUnavailableException();
        }
    }

    /** 40029 invalid code, 40163 code already used: the user's code, not WeChat, is at fault. */
    private static boolean isBadCode(WxErrorException e) {
        int code = e.getError() == null ? -1 : e.getError().getErrorCode();
        return code == 40029 || code == 40163;
    }
}
