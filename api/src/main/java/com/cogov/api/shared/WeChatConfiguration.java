package com.cogov.api.shared;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The mini-program's WeChat credentials and the API host WxJava talks to. Only the host differs between the
 * embedded default (a fake server in infra) and production ({@code https://api.weixin.qq.com}).
 *
 * @param messagePushToken the token set for message push (消息推送) in the mini program's console: WeChat signs every
 *                         pushed event with it ({@code COGOV_WECHAT_MESSAGE_PUSH_TOKEN}); unset, every push is refused
 */
@ConfigurationProperties(WeChatConfiguration.PREFIX)
public record WeChatConfiguration(
        @Bindable(defaultValue = "wx0000000000000000") String appId,
        @Nullable String appSecret,

        @Bindable(defaultValue = "https://api.weixin.qq.com")
        String apiHost,

        @Nullable String messagePushToken) {

    public static final String PREFIX = "cogov.wechat";
}
