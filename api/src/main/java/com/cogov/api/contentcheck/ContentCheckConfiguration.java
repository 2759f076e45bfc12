package com.cogov.api.contentcheck;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The content check ({@code cogov.content-check.*}).
 *
 * @param mediaBaseUrl    the mini-program BFF's public address as WeChat reaches it, with its prefix (e.g.
 *                        {@code https://mp.example.gov.cn/mp/v1}): images are sent to media_check_async as signed
 *                        links under it ({@code /files/{id}}). Unset, image checks wait (and are logged) until it is.
 * @param mediaLinkTtl    how long WeChat may fetch an image by its link; a re-send makes a new link
 * @param retryFirst      the first wait before asking WeChat again after it was down; doubled each time
 * @param retryMax        the longest wait between two attempts
 * @param callbackTimeout an image whose verdict has not come back by then is sent again
 * @param pushMaxAge      a pushed event signed longer ago than this (its timestamp) is refused as a replay
 */
@ConfigurationProperties("cogov.content-check")
record ContentCheckConfiguration(
        @Nullable String mediaBaseUrl,
        @Bindable(defaultValue = "1h") Duration mediaLinkTtl,
        @Bindable(defaultValue = "30s") Duration retryFirst,
        @Bindable(defaultValue = "30m") Duration retryMax,
        @Bindable(defaultValue = "30m") Duration callbackTimeout,
        @Bindable(defaultValue = "10m") Duration pushMaxAge) {

    /** The wait after the given number of failed attempts (1, 2, ...): doubling from retryFirst, capped. */
    Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration wait = retryFirst.multipliedBy(1L << doublings);
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
