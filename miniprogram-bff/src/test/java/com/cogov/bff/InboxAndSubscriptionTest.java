package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.api.notify.Notice;
import com.cogov.api.notify.Notifier;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.notify.InboxEntryView;
import com.cogov.contracts.notify.NotificationSubscriptionView;
import com.cogov.contracts.paging.Page;
import com.cogov.infra.dev.DevServicesTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The mini program's inbox and WeChat opt-ins, end to end: an inspector who opted in gets a district's notice as a
 * WeChat subscribe message (sent by the scheduled sender) and in the inbox; after opting out, only in the inbox.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxAndSubscriptionTest implements DevServicesTest {

    private static final Argument<Page<InboxEntryView>> PAGE = new GenericArgument<>() {};
    private static final Argument<List<NotificationSubscriptionView>> SUBSCRIPTIONS =
            Argument.listOf(NotificationSubscriptionView.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Notifier notifier;

    @Inject
    TransactionOperations<Connection> transactions;

    MiniProgramSessions mp;
    Tokens inspector;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put("cogov.notify.send-interval", "200ms"); // the scheduled sender, quickly
        return properties;
    }

    @BeforeAll
    void signIn() {
        mp = new MiniProgramSessions(client);
        inspector = mp.signIn("demo-inspector");
    }

    @Test
    void anOptedInInspectorGetsTheNoticeOnWeChatAndInTheInbox() {
        NotificationSubscriptionView alert = call(HttpRequest.PUT("/mp/v1/notification-subscriptions/ALERT", ""));
        assertThat(alert.subscribed()).isTrue();
        assertThat(alert.templateId()).isEqualTo("cogov-demo-alert-template");
        assertThat(client.toBlocking()
                        .retrieve(
                                HttpRequest.GET("/mp/v1/notification-subscriptions")
                                        .bearerAuth(inspector.accessToken()),
                                SUBSCRIPTIONS))
                .anySatisfy(s -> {
                    assertThat(s.topic()).isEqualTo("ALERT");
                    assertThat(s.subscribed()).isTrue();
                });

        InboxEntryView entry = raiseAndFind("微信提醒");
        JsonNode message = awaitWeChatMessageFor(entry);
        assertThat(message.path("data").path("thing1").path("value").asText()).isEqualTo(entry.title());

        InboxEntryView read = client.toBlocking()
                .retrieve(
                        HttpRequest.POST("/mp/v1/inbox/" + entry.id() + "/read", "")
                                .bearerAuth(inspector.accessToken()),
                        InboxEntryView.class);
        assertThat(read.readAt()).isNotNull();
    }

    @Test
    void afterOptingOutTheNoticeReachesTheInboxOnly() throws Exception {
        NotificationSubscriptionView alert = call(HttpRequest.DELETE("/mp/v1/notification-subscriptions/ALERT"));
        assertThat(alert.subscribed()).isFalse();
        try {
            InboxEntryView entry = raiseAndFind("只在消息中心");
            // Nothing is queued for WeChat with the entry (the outbox row is written in the notice's transaction, or
            // never), so no later run of the sender can send it: no wait on the sender's schedule is needed to know.
            assertThat(queuedForWeChat(entry)).isZero();
            assertThat(weChatMessageFor(entry)).isEmpty();
        } finally {
            call(HttpRequest.PUT("/mp/v1/notification-subscriptions/ALERT", "")); // as the demo data has it
        }
    }

    @Test
    void anUnknownTopicIsNotFoundAndThePublicHaveNoInbox() {
        assertThat(mp.refused(
                                HttpRequest.PUT("/mp/v1/notification-subscriptions/NO_SUCH_TOPIC", "")
                                        .bearerAuth(inspector.accessToken()),
                                404)
                        .code())
                .isEqualTo("NOTIFICATION_TOPIC_NOT_FOUND");
        Tokens citizen = mp.signIn("demo-public");
        mp.refused(HttpRequest.GET("/mp/v1/inbox").bearerAuth(citizen.accessToken()), 403);
        mp.refused(
                HttpRequest.PUT("/mp/v1/notification-subscriptions/ALERT", "").bearerAuth(citizen.accessToken()), 403);
    }

    private NotificationSubscriptionView call(MutableHttpRequest<?> request) {
        return client.toBlocking()
                .retrieve(request.bearerAuth(inspector.accessToken()), NotificationSubscriptionView.class);
    }

    private InboxEntryView raiseAndFind(String what) {
        String title = what + UUID.randomUUID().toString().substring(0, 6);
        transactions.executeWrite(status -> {
            notifier.toDistrictInspectors(
                    "420106", new Notice("test:" + title, "ALERT", title, "请核查：" + what, "/alerts/1"));
            return null;
        });
        Page<InboxEntryView> unread = client.toBlocking()
                .retrieve(HttpRequest.GET("/mp/v1/inbox?unread=true").bearerAuth(inspector.accessToken()), PAGE);
        return unread.items().stream()
                .filter(e -> e.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    /** The WeChat message of the entry, once the scheduled sender has sent it. */
    private JsonNode awaitWeChatMessageFor(InboxEntryView entry) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> weChatMessageFor(entry), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<JsonNode> weChatMessageFor(InboxEntryView entry) {
        return devServices().weChat().subscribeMessagesTo("demo-inspector").stream()
                .filter(m -> m.path("page").asText().endsWith("?id=" + entry.id()))
                .findFirst();
    }

    private long queuedForWeChat(InboxEntryView entry) throws java.sql.SQLException {
        try (java.sql.Connection c = devServices().openConnection();
                java.sql.ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT COUNT(*) FROM notification_outbox WHERE inbox_entry_id = " + entry.id())) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
