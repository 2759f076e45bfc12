package com.cogov.bff.contentcheck;

import com.cogov.api.contentcheck.ContentCheckService;
import com.cogov.api.web.ProblemResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;

/**
 * WeChat's message push (消息推送) for the mini program, in JSON mode: the server-address check ({@code GET} with
 * {@code echostr}) and the pushed events ({@code POST}), each signed with the message push token, which the content
 * check verifies through WxJava. The event handled is {@code wxa_media_check} (an image's verdict, docs/complaints.md,
 * "Content check"); others are acknowledged. WeChat, not a user, calls this: no token, the signature is the proof.
 */
@Controller("/mp/v1/wechat/callback")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "WeChat message push")
@ProblemResponse(
        status = "401",
        codes = "WECHAT_SIGNATURE_INVALID: not signed with the message push token, or the timestamp is stale")
class WeChatCallbackController {

    private static final String ACKNOWLEDGED = "success";

    private final ContentCheckService contentCheck;

    WeChatCallbackController(ContentCheckService contentCheck) {
        this.contentCheck = contentCheck;
    }

    @SecurityRequirement(name = "") // WeChat calls it, with a signature instead of a token
    @Get(produces = MediaType.TEXT_PLAIN)
    @Operation(
            operationId = "verifyWeChatPushAddress",
            summary = "WeChat checks the message push address: answers echostr when the signature is WeChat's")
    @ApiResponse(responseCode = "200", description = "The echostr, as sent")
    @ProblemResponse(status = "400", codes = "MISSING_PARAMETER: no echostr")
    String verify(
            @Nullable @QueryValue String signature,
            @Nullable @QueryValue String timestamp,
            @Nullable @QueryValue String nonce,
            @QueryValue String echostr) {
        contentCheck.verifyPush(timestamp, nonce, signature);
        return echostr;
    }

    @SecurityRequirement(name = "") // WeChat calls it, with a signature instead of a token
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.TEXT_PLAIN)
    @Operation(
            operationId = "receiveWeChatPush",
            summary = "A pushed event (JSON mode): wxa_media_check clears or flags an image by its trace_id",
            description = "Idempotent: a repeated event changes nothing and is acknowledged again. An image that"
                    + " passes lets its case start once every image of it has passed; a risky or review verdict holds"
                    + " the case for a person.")
    @ApiResponse(responseCode = "200", description = "success (WeChat stops pushing it)")
    String receive(
            @Nullable @QueryValue String signature,
            @Nullable @QueryValue String timestamp,
            @Nullable @QueryValue String nonce,
            @Body byte[] event) {
        contentCheck.verifyPush(timestamp, nonce, signature);
        // The raw bytes: WxJava reads WeChat's event itself (WxMaMessage.fromJson), whatever fields it carries.
        contentCheck.receivePush(new String(event, StandardCharsets.UTF_8));
        return ACKNOWLEDGED;
    }
}
