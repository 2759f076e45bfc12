package com.cogov.contracts.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the sign-in endpoints of both apps. */
public final class AuthRequests {

    private AuthRequests() {}

    /**
     * What a WeChat code (wx.login, getPhoneNumber) may hold. WeChat's codes are short URL-safe tokens, and the embedded
     * default's are {@code demo:<openid>} and {@code demo-phone:<number>}. WxJava puts the login code into the
     * jscode2session URL unencoded, so anything else (an {@code &} adding parameters, spaces, control characters) is
     * refused here, before a call to WeChat is made.
     */
    public static final String WECHAT_CODE = "[A-Za-z0-9:_-]*";

    @Serdeable
    @Schema(name = "WeChatSignInRequest")
    public record WeChatSignIn(
            @NotBlank(message = "缺少微信登录凭证")
            @Size(max = 128, message = "微信登录凭证格式不正确")
            @Pattern(regexp = WECHAT_CODE, message = "微信登录凭证格式不正确，请重新进入小程序")
            @Schema(description = "wx.login code; in the embedded default `demo:<openid>`")
            String code) {}

    @Serdeable
    @Schema(name = "BindRequest")
    public record Bind(
            @NotBlank(message = "请输入激活码") @Size(max = 32, message = "激活码格式不正确")
            String activationCode,

            @Nullable
            @Size(max = 128, message = "手机号授权凭证格式不正确")
            @Pattern(regexp = WECHAT_CODE, message = "手机号授权凭证格式不正确，请重新点击授权手机号")
            @Schema(description = "code from the getPhoneNumber button, to bind the phone (optional)")
            String phoneCode) {}

    @Serdeable
    @Schema(name = "RefreshRequest")
    public record Refresh(
            @NotBlank(message = "缺少刷新令牌") @Size(max = 128, message = "刷新令牌格式不正确")
            String refreshToken) {}

    @Serdeable
    @Schema(name = "PasswordSignInRequest")
    public record PasswordSignIn(
            @NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名过长")
            String username,

            @NotBlank(message = "请输入密码") @Size(max = 128, message = "密码过长")
            String password) {}

    @Serdeable
    @Schema(name = "PasswordChangeRequest")
    public record PasswordChange(
            @NotBlank(message = "缺少登录流程凭证") @Size(max = 2048)
            String challengeToken,

            @NotBlank(message = "请输入新密码") @Size(max = 128, message = "密码过长")
            String newPassword) {}

    @Serdeable
    @Schema(name = "TotpRequest")
    public record Totp(
            @NotBlank(message = "缺少登录流程凭证") @Size(max = 2048)
            String challengeToken,

            @NotBlank(message = "请输入6位动态验证码") @Pattern(regexp = "\\d{6}", message = "动态验证码为6位数字")
            String code) {}

    @Serdeable
    @Schema(name = "ClientCredentialsRequest", description = "A partner system or the bureau data centre")
    public record ClientCredentials(
            @NotBlank(message = "缺少客户端编号") @Size(max = 64, message = "客户端编号过长")
            String clientId,

            @NotBlank(message = "缺少客户端密钥") @Size(max = 128, message = "客户端密钥过长")
            String clientSecret) {}
}
