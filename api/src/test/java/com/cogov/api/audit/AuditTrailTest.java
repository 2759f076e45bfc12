package com.cogov.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.audit.AuditEventView;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The trail's integrity on the real database. Other test classes share it, so nothing assumes an empty table, and
 * every drill that tampers with a row puts it back and leaves the chain intact.
 */
// Not wrapped in a test transaction: the appends must commit, as in production, for the drills' own connection to see
// them and for DROP TRIGGER not to wait on the test's locks.
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest implements DevServicesTest {

    private static final Actor ADMIN = new Actor(42L, Role.CITY_ADMIN, null, null, null, "10.0.0.8", "trace-admin-42");

    @Inject
    AuditService audit;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ApplicationContext context;

    private AuditDatabase database;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put(ScheduledAuditVerification.ENABLED, "false"); // no nightly run in the middle of a drill
        return properties;
    }

    @BeforeAll
    void openDatabase() throws SQLException {
        database = new AuditDatabase(devServices(), audit);
    }

    @AfterAll
    void closeDatabase() throws SQLException {
        database.close();
    }

    @Test
    void recordedEventsVerifyAsIntactWithEveryRowCounted() throws SQLException {
        AuditVerification before = audit.verify();
        assertThat(before.intact()).isTrue();

        for (int i = 0; i < 5; i++) {
            audit.record(
                    ADMIN,
                    "account.disable",
                    "account",
                    String.valueOf(700 + i),
                    AuditOutcome.SUCCESS,
                    Map.of("reason", "离职"));
        }
        AuditVerification after = audit.verify();

        assertThat(after.intact()).isTrue();
        assertThat(after.firstBrokenId()).isNull();
        assertThat(after.problem()).isNull();
        // the 5 events, and the audit.verify entry the first verification left
        assertThat(after.checked()).isEqualTo(before.checked() + 6);
        assertThat(after.checked()).isEqualTo(database.lastEventId() - 1); // its own entry comes after the walk
    }

    @Test
    void verificationLeavesItsOwnEntryWithWhoAskedAndWhatItFound() {
        Actor operator = new Actor(7L, Role.OPERATOR, null, null, null, "10.0.0.9", "trace-verify-" + token());

        AuditVerification result = audit.verify(operator);

        AuditEventView entry = latest("audit.verify");
        assertThat(entry.actorAccountId()).isEqualTo(7L);
        assertThat(entry.actorRole()).isEqualTo("OPERATOR");
        assertThat(entry.actorScope()).isEqualTo("operations");
        assertThat(entry.traceId()).isEqualTo(operator.traceId());
        assertThat(entry.outcome()).isEqualTo("SUCCESS");
        assertThat(entry.details()).containsEntry("checked", String.valueOf(result.checked()));
    }

    @Test
    void aRowChangedInTheDatabaseIsReportedByItsIdAsContentNotMatchingItsHash() throws Exception {
        audit.record(ADMIN, "account.disable", "account", "811", AuditOutcome.SUCCESS, Map.of("reason", "离职"));
        long changedId = database.lastEventId();
        audit.record(ADMIN, "account.enable", "account", "812", AuditOutcome.SUCCESS, Map.of());

        database.withoutTriggers(() -> {
            String original = database.strings("SELECT details FROM audit_event WHERE id = ?", changedId)
                    .get(0);
            database.update("UPDATE audit_event SET details = ? WHERE id = ?", "{\"reason\":\"调岗\"}", changedId);
            try {
                AuditVerification tampered = audit.verify();
                assertThat(tampered.intact()).isFalse();
                assertThat(tampered.firstBrokenId()).isEqualTo(changedId);
                assertThat(tampered.problem()).isEqualTo(AuditVerification.CONTENT_CHANGED);
                assertThat(tampered.checked()).isEqualTo(changedId - 1);
                AuditEventView failure = latest("audit.verify");
                assertThat(failure.outcome()).isEqualTo("FAILURE");
                assertThat(failure.details()).containsEntry("firstBrokenId", String.valueOf(changedId));
            } finally {
                database.update("UPDATE audit_event SET details = ? WHERE id = ?", original, changedId);
            }
        });

        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aChangedOutcomeIsCaughtToo() throws Exception {
        audit.record(ADMIN, "account.login", null, null, AuditOutcome.FAILURE, Map.of("reason", "wrong-password"));
        long changedId = database.lastEventId();
        audit.record(ADMIN, "account.login", null, null, AuditOutcome.SUCCESS, Map.of());

        database.withoutTriggers(() -> {
            database.update("UPDATE audit_event SET outcome = 'SUCCESS' WHERE id = ?", changedId);
            try {
                AuditVerification tampered = audit.verify();
                assertThat(tampered.firstBrokenId()).isEqualTo(changedId);
                assertThat(tampered.problem()).isEqualTo(AuditVerification.CONTENT_CHANGED);
            } finally {
                database.update("UPDATE audit_event SET outcome = 'FAILURE' WHERE id = ?", changedId);
            }
        });

        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aDeletedRowIsReportedAsAGapAtTheNextId() throws Exception {
        audit.record(
                ADMIN,
                "privacy.unmask",
                "registration",
                "981",
                AuditOutcome.SUCCESS,
                Map.of("field", "documentNumber"));
        long deletedId = database.lastEventId();
        audit.record(ADMIN, "registration.read-personal", "registration", "981", AuditOutcome.SUCCESS, Map.of());

        database.withoutTriggers(() -> {
            // Kept in a temporary table of this connection, so the exact row (microseconds and all) goes back.
            database.update(
                    "CREATE TEMPORARY TABLE audit_event_removed AS SELECT * FROM audit_event WHERE id = ?", deletedId);
            assertThat(database.update("DELETE FROM audit_event WHERE id = ?", deletedId))
                    .isEqualTo(1);
            try {
                AuditVerification tampered = audit.verify();
                assertThat(tampered.intact()).isFalse();
                assertThat(tampered.firstBrokenId()).isEqualTo(deletedId + 1);
                assertThat(tampered.problem()).isEqualTo(AuditVerification.ROW_MISSING);
            } finally {
                database.update("INSERT INTO audit_event SELECT * FROM audit_event_removed");
                database.update("DROP TEMPORARY TABLE audit_event_removed");
            }
        });

        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesUpdateAndDeleteWhileTheTriggersAreInPlace() throws SQLException {
        audit.record(ADMIN, "account.disable", "account", "900", AuditOutcome.SUCCESS, Map.of());
        long id = database.lastEventId();

        assertThat(database.triggerNames()).containsExactly("audit_event_no_delete", "audit_event_no_update");
        assertThatThrownBy(() -> database.update("UPDATE audit_event SET outcome = 'DENIED' WHERE id = ?", id))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("audit_event is append-only")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("45000"));
        assertThatThrownBy(() -> database.update("DELETE FROM audit_event WHERE id = ?", id))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("audit_event is append-only");

        assertThat(database.strings("SELECT outcome FROM audit_event WHERE id = ?", id))
                .containsExactly("SUCCESS");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void detailsOrTargetsHoldingAnIdNumberOrAMobileNumberAreRefusedAndNothingIsWritten() throws SQLException {
        long before = database.headLastId();

        assertThatThrownBy(() -> audit.record(
                        ADMIN,
                        "registration.read-personal",
                        "registration",
                        "981",
                        AuditOutcome.SUCCESS,
                        Map.of("buyer", "110101199003077718")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resident ID number")
                .hasMessageNotContaining("110101199003077718");
        assertThatThrownBy(() -> audit.record(
                        ADMIN,
                        "registration.read-personal",
                        "registration",
                        "981",
                        AuditOutcome.SUCCESS,
                        Map.of("buyer", "11010119900307771X")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> audit.record(
                        ADMIN,
                        "privacy.unmask",
                        "registration",
                        "981",
                        AuditOutcome.SUCCESS,
                        Map.of("note", "called back on 13812345678")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mobile number");
        assertThatThrownBy(() -> audit.record(
                        ADMIN, "privacy.unmask", "buyer", "110101900307771", AuditOutcome.SUCCESS, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target id");

        assertThat(database.headLastId()).isEqualTo(before);
    }

    @Test
    void malformedActionsAreRefused() {
        for (String action :
                new String[] {"login", "Account.Login", "account..login", "account.login.", "account_login.x"}) {
            assertThatThrownBy(() -> audit.record(ADMIN, action, null, null, AuditOutcome.SUCCESS, Map.of()))
                    .as(action)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aBusinessTransactionThatRollsBackLeavesNoAuditRowAndNoGap() throws SQLException {
        String traceId = "trace-rollback-" + token();
        Actor clerk = new Actor(5L, Role.PHARMACY_CLERK, 12L, "420106", null, "10.0.0.5", traceId);
        long before = database.headLastId();

        assertThatThrownBy(() -> transactions.executeWrite(status -> {
                    audit.record(clerk, "registration.create", "registration", "1001", AuditOutcome.SUCCESS, Map.of());
                    throw new IllegalStateException("the sale exceeds the per-sale limit");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(database.number("SELECT COUNT(*) FROM audit_event WHERE trace_id = ?", traceId))
                .isZero();
        assertThat(database.headLastId()).isEqualTo(before);
        audit.record(clerk, "registration.create", "registration", "1002", AuditOutcome.SUCCESS, Map.of());
        assertThat(database.lastEventId()).isEqualTo(before + 1); // the rolled-back append burnt no id
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void concurrentAppendsFromEightThreadsFormOneLinearChain() throws Exception {
        String run = "trace-concurrent-" + token();
        long before = database.headLastId();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int thread = 0; thread < 8; thread++) {
                Actor actor = new Actor(
                        100L + thread,
                        Role.PHARMACY_CLERK,
                        12L,
                        "420106",
                        null,
                        "10.0.1." + thread,
                        run + "-" + thread);
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        audit.record(
                                actor,
                                "registration.create",
                                "registration",
                                "r" + i,
                                AuditOutcome.SUCCESS,
                                Map.of("sequence", String.valueOf(i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(database.number("SELECT COUNT(*) FROM audit_event WHERE trace_id LIKE ?", run + "-%"))
                .isEqualTo(200);
        assertThat(database.headLastId()).isEqualTo(before + 200);
        assertThat(database.number("SELECT COUNT(*) - COUNT(DISTINCT prev_hash) FROM audit_event"))
                .isZero();
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void entriesAreChainedInTheBackgroundWithinAMomentWithoutAnyoneReading() throws Exception {
        String traceId = "trace-background-" + token();
        audit.record(
                new Actor(5L, Role.PHARMACY_CLERK, 12L, "420106", null, "10.0.0.5", traceId),
                "registration.create",
                "registration",
                "1003",
                AuditOutcome.SUCCESS,
                Map.of());

        // Read past the service, as a DBA would: nothing here asks for the staged entry to be chained.
        long chained = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> database.number("SELECT COUNT(*) FROM audit_event WHERE trace_id = ?", traceId),
                        n -> n > 0);
        assertThat(chained).as("chained by the background chainer").isEqualTo(1);
        assertThat(database.number("SELECT COUNT(*) FROM audit_pending WHERE trace_id = ?", traceId))
                .isZero();
    }

    @Test
    void entriesLeftStagedByANodeThatStoppedAreChainedByAnother() throws SQLException {
        // A node that committed a business write and stopped before chaining its entry leaves this row behind.
        String traceId = "trace-orphan-" + token();
        try (Connection c = devServices().openConnection();
                var insert = c.prepareStatement(
                        "INSERT INTO audit_pending"
                                + " (occurred_at, actor_account_id, actor_role, actor_scope, action, outcome, trace_id)"
                                + " VALUES (CURRENT_TIMESTAMP(6), 5, 'PHARMACY_CLERK', 'pharmacy:12', 'registration.void', 'SUCCESS', ?)")) {
            insert.setString(1, traceId);
            insert.executeUpdate();
        }

        assertThat(database.strings("SELECT action FROM audit_event WHERE trace_id = ?", traceId))
                .containsExactly("registration.void");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theNightlyVerificationCanBeSwitchedOff() {
        assertThat(context.findBean(ScheduledAuditVerification.class)).isEmpty();
    }

    private AuditEventView latest(String action) {
        return audit.search(new AuditQuery(null, action, null, null, null, null, PageRequest.of(1, null)))
                .items()
                .get(0);
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
