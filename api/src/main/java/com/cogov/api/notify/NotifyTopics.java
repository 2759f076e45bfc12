package com.cogov.api.notify;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The topics configured for WeChat subscribe messages, by topic name. */
@Singleton
class NotifyTopics {

    private final Map<String, NotifyTopic> byTopic;

    NotifyTopics(List<NotifyTopic> topics) {
        byTopic = topics.stream()
                .collect(Collectors.toMap(NotifyTopic::topic, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    Optional<NotifyTopic> find(String topic) {
        return Optional.ofNullable(byTopic.get(topic.toUpperCase(Locale.ROOT)));
    }

    Collection<NotifyTopic> all() {
        return byTopic.values();
    }
}
