package com.cogov.api.notify;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Locale;

/**
 * A topic mini-program users can receive as WeChat subscribe messages ({@code cogov.notify.topics.alert.*}): the
 * template chosen for it in the mini program's admin console, the page the message opens, and the template's field
 * names for the title, the body and the time. A topic without an entry here reaches the in-app inbox only.
 *
 * @param page the mini-program page; the inbox entry's id is appended as {@code ?id=}
 */
@EachProperty(NotifyConfiguration.PREFIX + ".topics")
record NotifyTopic(
        @Parameter String name,
        String templateId,
        @Bindable(defaultValue = "pages/inbox/index") String page,
        @Bindable(defaultValue = "thing1") String titleField,
        @Bindable(defaultValue = "thing2") String bodyField,
        @Bindable(defaultValue = "time3") String timeField) {

    /** The topic as notices and routes name it: property keys are lower case, topics upper case. */
    String topic() {
        return name.toUpperCase(Locale.ROOT);
    }
}
