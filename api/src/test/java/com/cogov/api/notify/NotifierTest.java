package com.cogov.api.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.infra.dev.DevServicesTest;
import com.cogov.infra.dev.FakeWeChatServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The notify piece on the real database and the fake WeChat: a notice is written with the change that raises it, and
 * each opted-in inspector's WeChat message is sent once, through failures and concurrent senders.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifierTest implements DevServicesTest {

    private static final String DISTRICT = "420113"; // 汉南区: no demo inspector, so the recipients are this test's
    private static final String SEND = "/cgi-bin/message/subscribe/send";

    @Inject
    Notifier notifier;

    @Inject
    SubscribeMessageSender sender;

    @Inject
    TransactionOperations<Connection> transactions;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private Connection db;
    private long optedIn;
    private long notOptedIn;
    private long portalOnly;
    private long disabled;
    private long otherDistrict;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put(ScheduledNotificationSending.ENABLED, "false"); // the tests drive the sender
        properties.put("cogov.notify.first-retry", "0s");
        properties.put("cogov.notify.max-attempts", "3");
        return properties;
    }

    @BeforeAll
    void createInspectors() throws SQLException {
        db = devServices().openConnection();
        optedIn = inspector("opted-in-" + run, DISTRICT, "ACTIVE", true);
        notOptedIn = inspector("not-opted-in-" + run, DISTRICT, "ACTIVE", false);
        portalOnly = inspector(null, DISTRICT, "ACTIVE", false);
        disabled = inspector("disabled-" + run, DISTRICT, "DISABLED", true);
        otherDistrict = inspector("other-" + run, "420114", "ACTIVE", true);
    }

    @AfterAll
    void close() throws SQLException {
        db.close();
    }

    /** Each test starts with no message due and a fake that answers normally. */
    @BeforeEach
    void cleanSlate() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate("UPDATE notification_outbox SET state = 'FAILED' WHERE state IN ('PENDING', 'SENDING')");
        }
        weChat().reset();
    }

    @Test
    void aNoticeOfAChangeThatRollsBackLeavesNothing() throws SQLException {
        Notice notice = notice("rolled-back");
        transactions.executeWrite(status -> {
            notifier.toDistrictInspectors(DISTRICT, notice);
            status.setRollbackOnly();
            return null;
        });
        assertThat(recipients(notice)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM notification_outbox o JOIN notification_inbox i"
                        + " ON i.id = o.inbox_entry_id WHERE i.notice_key = '" + notice.key() + "'"))
                .isZero();
    }

    @Test
    void aNoticeOutsideATransactionIsRefused() throws SQLException {
        Notice notice = notice("no-transaction");
        assertThatThrownBy(() -> notifier.toDistrictInspectors(DISTRICT, notice))
                .isInstanceOf(RuntimeException.class);
        assertThat(recipients(notice)).isEmpty();
    }

    @Test
    void aCommittedNoticeReachesTheDistrictsActiveInspectorsAndWeChatOnlyTheOptedIn() throws SQLException {
        Notice notice = notice("committed");
        commit(notice);

        assertThat(recipients(notice)).containsExactlyInAnyOrder(optedIn, notOptedIn, portalOnly);
        assertThat(sender.sendDue()).isEqualTo(1);
        List<JsonNode> sent = weChat().subscribeMessagesTo("opted-in-" + run);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("template_id").asText()).isEqualTo("cogov-demo-alert-template");
        assertThat(sent.get(0).path("page").asText()).startsWith("pages/inbox/index?id=");
        assertThat(sent.get(0).path("data").path("thing1").path("value").asText())
                .isEqualTo(notice.title());
        assertThat(weChat().subscribeMessagesTo("not-opted-in-" + run)).isEmpty();
        assertThat(weChat().subscribeMessagesTo("disabled-" + run)).isEmpty();
        assertThat(weChat().subscribeMessagesTo("other-" + run)).isEmpty();
        assertThat(sender.sendDue()).as("nothing left to send").isZero();
    }

    @Test
    void anOverlongNoticeIsCutToFitRatherThanFailingTheChange() throws SQLException {
        Notice notice = new Notice("test:" + run + ":long", "ALERT", "长".repeat(100), "文".repeat(600), "/alerts/1");
        commit(notice);

        assertThat(recipients(notice)).hasSize(3);
        assertThat(sender.sendDue()).as("its WeChat fields fit too").isEqualTo(1);
        JsonNode sent = weChat().subscribeMessagesTo("opted-in-" + run).get(0);
        assertThat(sent.path("data").path("thing1").path("value").asText())
                .hasSize(20)
                .endsWith("…");
    }

    @Test
    void theSameKeyTwiceIsWrittenAndSentOnce() throws SQLException {
        Notice notice = notice("twice");
        commit(notice);
        commit(notice);

        assertThat(recipients(notice)).containsExactlyInAnyOrder(optedIn, notOptedIn, portalOnly);
        sender.sendDue();
        sender.sendDue();
        assertThat(weChat().subscribeMessagesTo("opted-in-" + run)).hasSize(1);
    }

    @Test
    void aMessageWeChatRefusesTwiceIsRetriedAndSentOnce() throws SQLException {
        Notice notice = notice("retried");
        commit(notice);
        weChat().failNext(SEND, 45009, "reach max api daily quota limit");
        weChat().failNext(SEND, 45009, "reach max api daily quota limit");

        assertThat(sender.sendDue()).isZero();
        assertThat(sender.sendDue()).isZero();
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).isZero();

        assertThat(weChat().subscribeMessagesTo("opted-in-" + run)).hasSize(1);
        assertThat(outboxRow(notice)).containsEntry("state", "SENT").containsEntry("attempts", "3");
    }

    @Test
    void aMessageIsGivenUpAfterTheLastAttemptWithWeChatsReasonKept() throws SQLException {
        Notice notice = notice("given-up");
        commit(notice);
        weChat().failAlways(SEND, 45009, "reach max api daily quota limit");

        for (int i = 0; i < 5; i++) {
            sender.sendDue();
        }

        Map<String, String> row = outboxRow(notice);
        assertThat(row).containsEntry("state", "FAILED").containsEntry("attempts", "3");
        assertThat(row.get("last_error")).startsWith("WeChat errcode 45009");
    }

    @Test
    void aRecipientWhoRefusedTheSubscriptionIsNotTriedAgain() throws SQLException {
        Notice notice = notice("refused");
        commit(notice);
        weChat().failNext(SEND, 43101, "user refuse to accept the msg");

        sender.sendDue();
        sender.sendDue();

        assertThat(outboxRow(notice)).containsEntry("state", "FAILED").containsEntry("attempts", "1");
        assertThat(weChat().requests(SEND)).hasSize(1);
    }

    @Test
    void twoSendersRunningAtOnceSendEachMessageOnce() throws Exception {
        Notice notice = notice("two-nodes");
        commit(notice);
        // WeChat answers slowly, so the second sender looks at the outbox while the first is still sending.
        weChat().stall(SEND, Duration.ofMillis(300));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    return sender.sendDue();
                }));
            }
            start.countDown();
            assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(weChat().requests(SEND)).hasSize(1);
        assertThat(weChat().subscribeMessagesTo("opted-in-" + run)).hasSize(1);
    }

    @Test
    void anOptOutBeforeTheSendStopsTheMessage() throws SQLException {
        Notice notice = notice("opted-out");
        commit(notice);
        try (Statement st = db.createStatement()) {
            st.executeUpdate("DELETE FROM notification_subscription WHERE account_id = " + optedIn);
        }
        try {
            sender.sendDue();
            assertThat(weChat().subscribeMessagesTo("opted-in-" + run)).isEmpty();
            assertThat(outboxRow(notice)).containsEntry("state", "FAILED");
        } finally {
            try (Statement st = db.createStatement()) {
                st.executeUpdate(
                        "INSERT INTO notification_subscription (account_id, topic) VALUES (" + optedIn + ", 'ALERT')");
            }
        }
    }

    // ---- helpers

    private FakeWeChatServer weChat() {
        return devServices().weChat();
    }

    private Notice notice(String what) {
        return new Notice(
                "test:" + run + ":" + what, "ALERT", "新的预警：多区购药", "汉南区一位购买人7天内在3个区购买含麻黄碱类复方制剂，请核查。", "/alerts/1");
    }

    private void commit(Notice notice) {
        transactions.executeWrite(status -> {
            notifier.toDistrictInspectors(DISTRICT, notice);
            return null;
        });
    }

    private long inspector(String openid, String district, String status, boolean optIn) throws SQLException {
        long id;
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO account (wechat_openid, role, display_name, district_code, status)"
                        + " VALUES (?, 'DISTRICT_INSPECTOR', '测试检查员', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, openid);
            ps.setString(2, district);
            ps.setString(3, status);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (optIn) {
            try (Statement st = db.createStatement()) {
                st.executeUpdate(
                        "INSERT INTO notification_subscription (account_id, topic) VALUES (" + id + ", 'ALERT')");
            }
        }
        return id;
    }

    private List<Long> recipients(Notice notice) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps =
                db.prepareStatement("SELECT account_id FROM notification_inbox WHERE notice_key = ?")) {
            ps.setString(1, notice.key());
            try (ResultSet rows = ps.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private Map<String, String> outboxRow(Notice notice) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("SELECT o.state, o.attempts, o.last_error FROM notification_outbox o"
                        + " JOIN notification_inbox i ON i.id = o.inbox_entry_id WHERE i.notice_key = ?")) {
            ps.setString(1, notice.key());
            try (ResultSet rows = ps.executeQuery()) {
                assertThat(rows.next())
                        .as("one outbox row for %s", notice.key())
                        .isTrue();
                Map<String, String> row = new HashMap<>();
                row.put("state", rows.getString(1));
                row.put("attempts", rows.getString(2));
                row.put("last_error", rows.getString(3));
                assertThat(rows.next()).as("only one outbox row").isFalse();
                return row;
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rows = st.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
