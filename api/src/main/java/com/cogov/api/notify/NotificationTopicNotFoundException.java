package com.cogov.api.notify;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A topic with no WeChat template configured: there is nothing to opt in to. */
public final class NotificationTopicNotFoundException extends CogovException {

    NotificationTopicNotFoundException(String topic) {
        super(ErrorCode.NOTIFICATION_TOPIC_NOT_FOUND, "没有可订阅的“" + abbreviate(topic) + "”类消息");
    }

    private static String abbreviate(String topic) {
        return topic.length() <= 32 ? topic : topic.substring(0, 32) + "…";
    }
}
