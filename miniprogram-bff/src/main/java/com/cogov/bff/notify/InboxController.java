package com.cogov.bff.notify;

import com.cogov.api.notify.NotificationService;
import com.cogov.api.web.InboxEndpoints;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The in-app inbox in the mini program: the page a WeChat subscribe message opens. */
@Controller("/mp/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Inbox")
class InboxController extends InboxEndpoints {

    InboxController(NotificationService notifications) {
        super(notifications);
    }
}
