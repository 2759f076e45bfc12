package com.cogov.api.complaint;

import com.cogov.api.contentcheck.ContentCheckService;
import com.cogov.api.contentcheck.ContentSuggest;
import com.cogov.api.contentcheck.TextVerdict;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A filing's text through the content check (docs/complaints.md, "Content check"), before anything is written: the
 * facts and the claim of a mini-program filing through WeChat with the filer's openid, a web filing's through the
 * local word list: one policy for both doors. A risky text is refused saying which field and word to change; a text
 * for review is filed and held for a person; a text WeChat could not check (down) is filed, waits, and is checked
 * again by {@link ContentRecheck}.
 */
@Singleton
class ContentScreening {

    static final String FACTS = "「事实和理由」";
    static final String CLAIM = "「投诉请求」";

    /** A text check as the case keeps it ({@code complaint.text_check}). */
    enum TextCheck {
        PASS,
        REVIEW,
        RISKY,
        RETRY
    }

    private final ContentCheckService contentCheck;

    ContentScreening(ContentCheckService contentCheck) {
        this.contentCheck = contentCheck;
    }

    /**
     * @param accountId the mini-program filer; null for the public web
     * @throws com.cogov.api.contentcheck.ContentRiskyException when a text is risky
     */
    TextCheck screen(@Nullable Long accountId, String facts, @Nullable String claim) {
        TextVerdict f = contentCheck.checkText(accountId, facts);
        if (f.suggest() == ContentSuggest.RISKY) {
            throw f.refusal(FACTS);
        }
        TextVerdict c = claim == null || claim.isBlank() ? null : contentCheck.checkText(accountId, claim);
        if (c != null && c.suggest() == ContentSuggest.RISKY) {
            throw c.refusal(CLAIM);
        }
        return combine(f, c);
    }

    /** The same check again for a case already filed: a risky text cannot be refused any more, so it is held. */
    TextCheck recheck(@Nullable Long accountId, String facts, @Nullable String claim) {
        TextVerdict f = contentCheck.checkText(accountId, facts);
        TextVerdict c = claim == null || claim.isBlank() ? null : contentCheck.checkText(accountId, claim);
        if (f.suggest() == ContentSuggest.RISKY || (c != null && c.suggest() == ContentSuggest.RISKY)) {
            return TextCheck.RISKY;
        }
        return combine(f, c);
    }

    /** In the filing's transaction: these images of the filer's must pass WeChat's media check. */
    void requestImageChecks(long accountId, List<String> fileIds) {
        contentCheck.requestImageChecks(CaseAttachments.PURPOSE, accountId, fileIds);
    }

    /** After the filing has committed. */
    void sendImageChecks(List<String> fileIds) {
        contentCheck.sendImageChecks(fileIds);
    }

    java.time.Duration retryAfter(int attempts) {
        return contentCheck.retryAfter(attempts);
    }

    private static TextCheck combine(TextVerdict f, @Nullable TextVerdict c) {
        List<ContentSuggest> all = c == null ? List.of(f.suggest()) : List.of(f.suggest(), c.suggest());
        if (all.contains(ContentSuggest.UNAVAILABLE)) {
            return TextCheck.RETRY;
        }
        return all.contains(ContentSuggest.REVIEW) ? TextCheck.REVIEW : TextCheck.PASS;
    }
}
