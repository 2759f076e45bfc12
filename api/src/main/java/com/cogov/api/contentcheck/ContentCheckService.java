package com.cogov.api.contentcheck;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The content check's entry (docs/platform: content check; docs/complaints.md, "Content check"): user text through
 * WeChat's msg_sec_check v2 and images through media_check_async v2, both with the writer's openid through WxJava;
 * the local word list (table {@code content_check_word}) where WeChat cannot be asked, so both doors apply one policy.
 * A feature refuses a RISKY text ({@link TextVerdict#refusal}), holds a REVIEW one for a person, and keeps an
 * UNAVAILABLE one waiting to ask again; an image's verdict reaches the feature as a {@link MediaCheckedEvent}.
 */
@Singleton
public class ContentCheckService {

    /** msg_sec_check's scenes: 1 profile, 2 comment, 3 forum, 4 social log. A complaint's text is the user's comment. */
    public static final int SCENE_COMMENT = 2;

    private final TextChecks texts;
    private final MediaChecks media;
    private final PushEvents push;
    private final ContentCheckConfiguration config;

    ContentCheckService(TextChecks texts, MediaChecks media, PushEvents push, ContentCheckConfiguration config) {
        this.texts = texts;
        this.media = media;
        this.push = push;
        this.config = config;
    }

    /**
     * Checks what an account (or, with none, an anonymous writer) wrote: WeChat for a mini-program account with an
     * openid, the local word list otherwise. When WeChat is down the local list refuses what it knows is risky and
     * the rest is UNAVAILABLE. Never throws for WeChat's failures. Call it outside a transaction: it waits on WeChat.
     */
    public TextVerdict checkText(@Nullable Long accountId, String text) {
        return texts.check(accountId, SCENE_COMMENT, text);
    }

    /**
     * Records that these images of the account's must pass media_check_async, in the caller's transaction; send them
     * with {@link #sendImageChecks} once it has committed.
     *
     * @param purpose the feature's name for these files: its {@link MediaCheckedEvent}s carry it
     */
    public void requestImageChecks(String purpose, long accountId, List<String> fileIds) {
        media.request(purpose, accountId, fileIds);
    }

    /** Sends the recorded checks of these images that are still waiting; what WeChat does not take is sent later. */
    public void sendImageChecks(List<String> fileIds) {
        media.sendNew(fileIds, SCENE_COMMENT);
    }

    /** The wait before asking again after the given number of failed attempts, for features that retry a text. */
    public java.time.Duration retryAfter(int attempts) {
        return config.backoff(attempts);
    }

    /**
     * Checks a message push's signature (WxJava, with the message push token) and freshness.
     *
     * @throws PushSignatureInvalidException when WeChat did not sign it, or signed it too long ago
     */
    public void verifyPush(@Nullable String timestamp, @Nullable String nonce, @Nullable String signature) {
        push.verify(timestamp, nonce, signature);
    }

    /**
     * A verified push's JSON body: a {@code wxa_media_check} verdict is recorded once per image and heard by its
     * feature; anything else, and a repeated verdict, is acknowledged and changes nothing.
     */
    public void receivePush(String json) {
        push.receive(json);
    }
}
