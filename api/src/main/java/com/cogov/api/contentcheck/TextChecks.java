package com.cogov.api.contentcheck;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import com.cogov.api.account.AccountService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text through WeChat's msg_sec_check v2 with the writer's openid (WxJava {@code WxMaSecurityService.checkMessage}),
 * or through the local word list when there is no openid. When WeChat cannot answer, the local list decides what it
 * can at once (a risky word is refused all the same) and the rest is UNAVAILABLE: the caller keeps it and asks again.
 */
@Singleton
class TextChecks {

    private static final Logger LOG = LoggerFactory.getLogger(TextChecks.class);
    /** msg_sec_check takes at most 2,500 characters per call; longer texts go in parts. */
    static final int PART = 2500;

    private final WxMaService weChat;
    private final AccountService accounts;
    private final WordList words;

    TextChecks(WxMaService weChat, AccountService accounts, WordList words) {
        this.weChat = weChat;
        this.accounts = accounts;
        this.words = words;
    }

    TextVerdict check(@Nullable Long accountId, int scene, String text) {
        String openid =
                accountId == null ? null : accounts.weChatOpenid(accountId).orElse(null);
        if (openid == null || text.isBlank()) {
            return words.check(text);
        }
        TextVerdict verdict = TextVerdict.pass(false);
        try {
            for (int start = 0; start < text.length(); start += PART) {
                String part = text.substring(start, Math.min(text.length(), start + PART));
                verdict = TextVerdict.worse(verdict, ask(openid, scene, part));
                if (verdict.suggest() == ContentSuggest.RISKY) {
                    return verdict;
                }
            }
            return verdict;
        } catch (WxErrorException | RuntimeException e) {
            // The class and WeChat's code only: WxJava's messages may carry the URL with the access token.
            LOG.warn(
                    "msg_sec_check unavailable ({}{}): the local list decides now, WeChat later",
                    e.getClass().getSimpleName(),
                    e instanceof WxErrorException w && w.getError() != null
                            ? " " + w.getError().getErrorCode()
                            : "");
            TextVerdict local = words.check(text);
            return local.suggest() == ContentSuggest.RISKY ? local : TextVerdict.unavailable();
        }
    }

    private TextVerdict ask(String openid, int scene, String part) throws WxErrorException {
        WxMaMsgSecCheckCheckResponse answer = weChat.getSecurityService()
                .checkMessage(WxMaMsgSecCheckCheckRequest.builder()
                        .version("2")
                        .openid(openid)
                        .scene(scene)
                        .content(part)
                        .build());
        ContentSuggest suggest = ContentSuggest.ofWeChat(
                answer.getResult() == null ? null : answer.getResult().getSuggest());
        if (suggest == ContentSuggest.UNAVAILABLE) {
            throw new IllegalStateException("msg_sec_check answered no verdict");
        }
        String keyword = answer.getDetail() == null
                ? null
                : answer.getDetail().stream()
                        .filter(d -> d.getKeyword() != null && !d.getKeyword().isBlank())
                        .filter(d -> ContentSuggest.ofWeChat(d.getSuggest()) == suggest)
                        .map(WxMaMsgSecCheckCheckResponse.DetailBean::getKeyword)
                        .findFirst()
                        .orElse(null);
        return new TextVerdict(suggest, keyword, false);
    }
}
