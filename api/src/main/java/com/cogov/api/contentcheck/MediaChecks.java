package com.cogov.api.contentcheck;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaMediaAsyncCheckResult;
import cn.binarywang.wx.miniapp.bean.security.WxMaMediaSecCheckCheckRequest;
import com.cogov.api.account.AccountService;
import com.cogov.api.file.FileService;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Images through WeChat's media_check_async v2 (WxJava {@code WxMaSecurityService.mediaCheckAsync}). WeChat fetches
 * the image itself, so it gets a short-lived signed link to the file under the BFF's public address (the files
 * piece's {@code link}); the verdict comes later by message push, matched by the trace id WeChat answers here.
 *
 * <p>Sent after the record that asked for the check has committed, so that a quick callback finds its trace id; an
 * image not sent then (WeChat down, the node stopped) is sent by the resend job, which also sends again an image
 * whose verdict did not come back by the callback timeout (with a new link and trace id).
 */
@Singleton
class MediaChecks {

    private static final Logger LOG = LoggerFactory.getLogger(MediaChecks.class);
    /** media_check_async: 1 audio, 2 image. */
    private static final int IMAGE = 2;

    private final MediaCheckStore store;
    private final WxMaService weChat;
    private final AccountService accounts;
    private final FileService files;
    private final ContentCheckConfiguration config;
    private final Clock clock;

    MediaChecks(
            MediaCheckStore store,
            WxMaService weChat,
            AccountService accounts,
            FileService files,
            ContentCheckConfiguration config,
            Clock clock) {
        this.store = store;
        this.weChat = weChat;
        this.accounts = accounts;
        this.files = files;
        this.config = config;
        this.clock = clock;
    }

    void request(String purpose, long accountId, List<String> fileIds) {
        // The send right after the commit comes first; the resend job takes the image only if that send never
        // happened (the node stopped), after the callback timeout, so the two do not send the same image at once.
        Instant first = clock.instant().plus(config.callbackTimeout());
        fileIds.forEach(id -> store.insert(id, purpose, accountId, first));
    }

    /** Sends each of these images not sent yet (a retried filing sends nothing again); @return how many WeChat took */
    int sendNew(List<String> fileIds, int scene) {
        return send(fileIds, scene, true);
    }

    private int send(List<String> fileIds, int scene, boolean unsentOnly) {
        int sent = 0;
        for (String id : fileIds) {
            Optional<MediaCheckStore.Row> row =
                    store.open(id).filter(r -> !unsentOnly || MediaCheckStore.UNSENT.equals(r.state()));
            if (row.isPresent() && send(row.get(), scene)) {
                sent++;
            }
        }
        return sent;
    }

    int sendDue(int scene, int limit) {
        return send(store.due(clock.instant(), limit), scene, false);
    }

    private boolean send(MediaCheckStore.Row row, int scene) {
        Instant now = clock.instant();
        String base = config.mediaBaseUrl();
        String openid = accounts.weChatOpenid(row.accountId()).orElse(null);
        if (base == null || base.isBlank() || openid == null) {
            LOG.warn(
                    "Image {} not sent to media_check_async: {}",
                    row.fileId(),
                    openid == null ? "its account has no openid" : "cogov.content-check.media-base-url is not set");
            store.failed(row.fileId(), now.plus(config.backoff(row.attempts() + 1)));
            return false;
        }
        try {
            WxMaMediaAsyncCheckResult answer = weChat.getSecurityService()
                    .mediaCheckAsync(WxMaMediaSecCheckCheckRequest.builder()
                            .mediaUrl(files.link(row.fileId(), config.mediaLinkTtl())
                                    .under(base))
                            .mediaType(IMAGE)
                            .version(2)
                            .openid(openid)
                            .scene(scene)
                            .build());
            if (answer == null || answer.getTraceId() == null) {
                throw new IllegalStateException("media_check_async answered no trace_id");
            }
            store.sent(row.fileId(), answer.getTraceId(), now, now.plus(config.callbackTimeout()));
            return true;
        } catch (WxErrorException | RuntimeException e) {
            LOG.warn(
                    "media_check_async unavailable for image {} ({}{}): sent again later",
                    row.fileId(),
                    e.getClass().getSimpleName(),
                    e instanceof WxErrorException w && w.getError() != null
                            ? " " + w.getError().getErrorCode()
                            : "");
            store.failed(row.fileId(), now.plus(config.backoff(row.attempts() + 1)));
            return false;
        }
    }
}
