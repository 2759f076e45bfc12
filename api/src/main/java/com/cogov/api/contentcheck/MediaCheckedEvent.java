package com.cogov.api.contentcheck;

/**
 * WeChat's verdict on an image (media_check_async's callback), published once per image in the transaction that
 * records it, so the feature that asked (by {@code purpose}) updates its own rows in step: a repeated callback
 * publishes nothing.
 *
 * @param purpose what the file is for, as given to {@link ContentCheckService#requestImageChecks}
 * @param verdict PASS, RISKY or REVIEW
 */
public record MediaCheckedEvent(String purpose, String fileId, ContentSuggest verdict) {}
