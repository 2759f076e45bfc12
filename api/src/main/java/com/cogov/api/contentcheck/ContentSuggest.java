package com.cogov.api.contentcheck;

/**
 * A content check's verdict, as WeChat names them ({@code pass}, {@code review}, {@code risky}), plus
 * {@code UNAVAILABLE}: nobody could say yet (WeChat down), so what waits on it waits and is checked again.
 */
public enum ContentSuggest {
    PASS,
    /** Allowed to be kept, not to be shown until a person has looked. */
    REVIEW,
    /** Refused: the filer is told what to change. */
    RISKY,
    UNAVAILABLE;

    static ContentSuggest ofWeChat(String suggest) {
        return switch (suggest == null ? "" : suggest) {
            case "pass" -> PASS;
            case "risky" -> RISKY;
            case "review" -> REVIEW;
            default -> UNAVAILABLE; // a value we do not know is no verdict: checked again
        };
    }
}
