package com.cogov.api.contentcheck;

import io.micronaut.core.annotation.Nullable;

/**
 * The check of one text.
 *
 * @param keyword the word that was flagged, when the checker says which (WeChat's keyword strategy, or the local list)
 * @param local   decided by the local word list (no openid, or WeChat down), not by WeChat
 */
public record TextVerdict(ContentSuggest suggest, @Nullable String keyword, boolean local) {

    static TextVerdict pass(boolean local) {
        return new TextVerdict(ContentSuggest.PASS, null, local);
    }

    static TextVerdict unavailable() {
        return new TextVerdict(ContentSuggest.UNAVAILABLE, null, false);
    }

    /**
     * The refusal of a risky text, saying what to change.
     *
     * @param field the text as the filer knows it, e.g. 「事实和理由」
     */
    public ContentRiskyException refusal(String field) {
        return ContentRiskyException.in(field, keyword);
    }

    /** The more serious of two verdicts: RISKY over UNAVAILABLE over REVIEW over PASS. */
    static TextVerdict worse(TextVerdict a, TextVerdict b) {
        return rank(b.suggest()) > rank(a.suggest()) ? b : a;
    }

    private static int rank(ContentSuggest s) {
        return switch (s) {
            case PASS -> 0;
            case REVIEW -> 1;
            case UNAVAILABLE -> 2;
            case RISKY -> 3;
        };
    }
}
