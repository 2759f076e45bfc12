package com.cogov.bff.notify;

import com.cogov.api.notify.NotificationService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.notify.NotificationSubscriptionView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Which topics a member of staff receives as WeChat subscribe messages. The mini program asks with
 * {@code wx.requestSubscribeMessage} for the topic's template and records an accepted answer here; everyone gets
 * the in-app inbox whatever they choose.
 */
@Controller("/mp/v1/notification-subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"PHARMACY_CLERK", "PHARMACY_MANAGER", "DISTRICT_INSPECTOR", "CITY_ADMIN", "ENTERPRISE_USER", "OPERATOR"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Inbox")
class NotificationSubscriptionController {

    private final NotificationService notifications;

    NotificationSubscriptionController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Get
    @Operation(summary = "The topics I can receive as WeChat messages, their templates, and which I receive")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a member of staff")
    List<NotificationSubscriptionView> subscriptions(@Parameter(hidden = true) Actor user) {
        return notifications.subscriptions(user);
    }

    @Put("/{topic}")
    @Operation(summary = "Receive the topic as WeChat messages (after wx.requestSubscribeMessage was accepted)")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a member of staff")
    @ProblemResponse(status = "404", codes = "NOTIFICATION_TOPIC_NOT_FOUND: no such topic")
    NotificationSubscriptionView subscribe(@PathVariable String topic, @Parameter(hidden = true) Actor user) {
        return notifications.subscribe(user, topic);
    }

    @Delete("/{topic}")
    @Operation(summary = "Stop the topic's WeChat messages, including those not sent yet (the inbox keeps them)")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a member of staff")
    @ProblemResponse(status = "404", codes = "NOTIFICATION_TOPIC_NOT_FOUND: no such topic")
    NotificationSubscriptionView unsubscribe(@PathVariable String topic, @Parameter(hidden = true) Actor user) {
        return notifications.unsubscribe(user, topic);
    }
}
