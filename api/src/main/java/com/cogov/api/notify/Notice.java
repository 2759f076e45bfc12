package com.cogov.api.notify;

/**
 * Something to tell people (docs/platform: notify): shown in their in-app inbox and, to mini-program users who opted
 * in, sent as a WeChat subscribe message.
 *
 * @param key   unique per notice and recipient group, e.g. {@code alert:123}: the same key twice is sent once
 * @param topic what it is about, e.g. {@code ALERT}; recipients opt in per topic
 * @param title short, Chinese, no personal data (subscribe messages leave our systems)
 * @param body  Chinese, no personal data
 * @param link  where the reader acts on it, e.g. {@code /alerts/123}
 */
public record Notice(String key, String topic, String title, String body, String link) {}
