package com.cogov.portal.notify;

import com.cogov.api.notify.NotificationService;
import com.cogov.api.web.InboxEndpoints;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The desk's in-app inbox: alerts of the inspector's district, and whatever else the platform tells its staff. */
@Controller("/portal/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Inbox")
class InboxController extends InboxEndpoints {

    InboxController(NotificationService notifications) {
        super(notifications);
    }
}
