package com.cogov.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.audit.AuditEventView;
import com.cogov.contracts.paging.Page;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The admin search on the real database. Each test acts as accounts and targets of its own (random keys), so rows
 * from other tests in this JVM do not disturb the counts.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchTest implements DevServicesTest {

    private static final PageRequest FIRST_50 = PageRequest.of(50, null);

    @Inject
    AuditService audit;

    private AuditDatabase database;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put(ScheduledAuditVerification.ENABLED, "false");
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
    void findsWhatOneAccountDidNewestFirstWithItsDetails() {
        Actor inspector = inspector();
        Actor someoneElse = inspector();
        audit.record(inspector, "account.login", null, null, AuditOutcome.SUCCESS, Map.of());
        audit.record(someoneElse, "account.login", null, null, AuditOutcome.SUCCESS, Map.of());
        audit.record(
                inspector, "inspection.create", "inspection", "77", AuditOutcome.SUCCESS, Map.of("pharmacy", "12"));
        audit.record(
                inspector,
                "privacy.unmask",
                "registration",
                "981",
                AuditOutcome.DENIED,
                Map.of("reason", "out-of-scope"));

        Page<AuditEventView> page = audit.search(byActor(inspector, null, FIRST_50));

        assertThat(page.items())
                .extracting(AuditEventView::action)
                .containsExactly("privacy.unmask", "inspection.create", "account.login");
        assertThat(page.items()).extracting(AuditEventView::id).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(page.nextCursor()).as("a single page has no next").isNull();
        AuditEventView denial = page.items().get(0);
        assertThat(denial.actorAccountId()).isEqualTo(inspector.accountId());
        assertThat(denial.actorRole()).isEqualTo("DISTRICT_INSPECTOR");
        assertThat(denial.actorScope()).isEqualTo("district:420106");
        assertThat(denial.outcome()).isEqualTo("DENIED");
        assertThat(denial.targetType()).isEqualTo("registration");
        assertThat(denial.targetId()).isEqualTo("981");
        assertThat(denial.sourceAddress()).isEqualTo("10.2.0.1");
        assertThat(denial.traceId()).isEqualTo(inspector.traceId());
        assertThat(denial.details()).isEqualTo(Map.of("reason", "out-of-scope"));
        assertThat(page.items().get(2).details()).isEmpty();
    }

    @Test
    void anActionEndingInDotStarMatchesEveryActionUnderThatPrefix() {
        Actor admin = inspector();
        audit.record(admin, "account.login", null, null, AuditOutcome.SUCCESS, Map.of());
        audit.record(
                admin, "account.login.failed", null, null, AuditOutcome.FAILURE, Map.of("reason", "wrong-password"));
        audit.record(admin, "account.disable", "account", "9", AuditOutcome.SUCCESS, Map.of());
        audit.record(admin, "accounting.export", null, null, AuditOutcome.SUCCESS, Map.of());
        audit.record(admin, "privacy.unmask", "registration", "5", AuditOutcome.SUCCESS, Map.of());

        assertThat(actions(byActor(admin, "account.*", FIRST_50)))
                .containsExactly("account.disable", "account.login.failed", "account.login");
        assertThat(actions(byActor(admin, "account.login", FIRST_50))).containsExactly("account.login");
        assertThat(actions(byActor(admin, "account.login.*", FIRST_50))).containsExactly("account.login.failed");
    }

    @Test
    void findsEverythingDoneToOneTarget() {
        String registration = "reg-" + key();
        Actor clerk = inspector();
        Actor admin = inspector();
        audit.record(clerk, "registration.create", "registration", registration, AuditOutcome.SUCCESS, Map.of());
        audit.record(admin, "registration.read-personal", "registration", registration, AuditOutcome.SUCCESS, Map.of());
        audit.record(
                admin, "registration.read-personal", "registration", "reg-" + key(), AuditOutcome.SUCCESS, Map.of());
        audit.record(admin, "privacy.unmask", "complaint", registration, AuditOutcome.SUCCESS, Map.of());

        Page<AuditEventView> page =
                audit.search(new AuditQuery(null, null, "registration", registration, null, null, FIRST_50));

        assertThat(page.items())
                .extracting(AuditEventView::action)
                .containsExactly("registration.read-personal", "registration.create");
    }

    @Test
    void aTimeWindowIncludesItsStartAndExcludesItsEnd() throws InterruptedException {
        Actor admin = inspector();
        audit.record(admin, "account.enable", "account", "1", AuditOutcome.SUCCESS, Map.of());
        Instant from = tick();
        audit.record(admin, "account.enable", "account", "2", AuditOutcome.SUCCESS, Map.of());
        audit.record(admin, "account.enable", "account", "3", AuditOutcome.SUCCESS, Map.of());
        Instant to = tick();
        audit.record(admin, "account.enable", "account", "4", AuditOutcome.SUCCESS, Map.of());

        Page<AuditEventView> page =
                audit.search(new AuditQuery(admin.accountId(), null, null, null, from, to, FIRST_50));

        assertThat(page.items()).extracting(AuditEventView::targetId).containsExactly("3", "2");
        assertThat(page.items()).allSatisfy(e -> assertThat(e.occurredAt()).isBetween(from, to));
    }

    @Test
    void pagesFollowEachOtherNewestFirstByCursorAndTheLastHasNoNext() {
        Actor admin = inspector();
        for (int i = 1; i <= 5; i++) {
            audit.record(admin, "account.reset-password", "account", String.valueOf(i), AuditOutcome.SUCCESS, Map.of());
        }

        Page<AuditEventView> first = audit.search(byActor(admin, null, PageRequest.of(2, null)));
        Page<AuditEventView> second = audit.search(byActor(admin, null, PageRequest.of(2, first.nextCursor())));
        Page<AuditEventView> last = audit.search(byActor(admin, null, PageRequest.of(2, second.nextCursor())));

        assertThat(first.items()).extracting(AuditEventView::targetId).containsExactly("5", "4");
        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.items()).extracting(AuditEventView::targetId).containsExactly("3", "2");
        assertThat(second.nextCursor()).isNotNull();
        assertThat(last.items()).extracting(AuditEventView::targetId).containsExactly("1");
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void aPageContinuesWithEntriesOfTheSameMicrosecondAndASmallerId() {
        Actor admin = inspector();
        for (int i = 1; i <= 3; i++) {
            audit.record(admin, "account.unlock", "account", String.valueOf(i), AuditOutcome.SUCCESS, Map.of());
        }
        AuditEventView middle =
                audit.search(byActor(admin, null, FIRST_50)).items().get(1);

        // As if the previous page had ended on an entry written in the same microsecond, just after the middle one:
        // a busy node writes several per microsecond, and the id must part them so none is skipped.
        String sameInstantLaterId = new Cursor(middle.occurredAt(), middle.id() + 1).encode();
        Page<AuditEventView> next = audit.search(byActor(admin, null, PageRequest.of(50, sameInstantLaterId)));

        assertThat(next.items()).extracting(AuditEventView::targetId).containsExactly("2", "1");
    }

    @Test
    void occurredAtKeepsItsMicrosecondsThroughTheDatabase() throws SQLException {
        Actor admin = inspector();
        audit.record(admin, "account.login", null, null, AuditOutcome.SUCCESS, Map.of());
        AuditEventView event = audit.search(byActor(admin, null, PageRequest.of(1, null)))
                .items()
                .get(0);

        String stored = database.strings("SELECT CAST(occurred_at AS CHAR) FROM audit_event WHERE id = ?", event.id())
                .get(0);

        assertThat(event.occurredAt().getNano() % 1000).isZero();
        assertThat(stored)
                .isEqualTo(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
                        .withZone(ZoneOffset.UTC)
                        .format(event.occurredAt()));
    }

    @Test
    void aSearchTheIndexesCannotServeOrAMalformedOneIsRefused() {
        assertThatThrownBy(() -> new AuditQuery(null, null, null, "981", null, null, FIRST_50))
                .isInstanceOf(InvalidAuditQueryException.class);
        assertThatThrownBy(() -> new AuditQuery(null, "account.%", null, null, null, null, FIRST_50))
                .isInstanceOf(InvalidAuditQueryException.class);
        Instant now = Instant.now();
        assertThatThrownBy(() -> new AuditQuery(null, null, null, null, now, now, FIRST_50))
                .isInstanceOf(InvalidAuditQueryException.class);
    }

    @Test
    void searchesByActorTargetOrActionWithinATimeWindowUseAnIndex() throws SQLException {
        // Enough rows from enough accounts that a full scan would be the optimizer's choice only without a usable
        // index.
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            actors.add(inspector());
        }
        for (int i = 0; i < 300; i++) {
            audit.record(
                    actors.get(i % actors.size()),
                    i % 2 == 0 ? "registration.create" : "account.login",
                    "registration",
                    "reg-" + key(),
                    AuditOutcome.SUCCESS,
                    Map.of());
        }
        database.rows("ANALYZE TABLE audit_event", List.of());
        Instant to = Instant.now().plusSeconds(1);
        Instant from = to.minus(1, ChronoUnit.DAYS);

        // A later page starts inside the same index range, after the previous page's last (time, id).
        PageRequest later = PageRequest.of(50, new Cursor(to.minusSeconds(1), Long.MAX_VALUE / 2).encode());
        for (PageRequest page : List.of(FIRST_50, later)) {
            assertUsesIndex(
                    new AuditQuery(actors.get(0).accountId(), null, null, null, from, to, page),
                    "ix_audit_event_actor");
            assertUsesIndex(
                    new AuditQuery(null, null, "registration", "reg-1", from, to, page), "ix_audit_event_target");
            assertUsesIndex(new AuditQuery(null, "account.login", null, null, from, to, page), null);
            assertUsesIndex(new AuditQuery(null, "account.*", null, null, from, to, page), null);
            assertUsesIndex(new AuditQuery(null, null, null, null, from, to, page), "ix_audit_event_time");
        }
    }

    /** EXPLAIN of the very statement the search runs: not a full scan, and through an index (that one, if named). */
    private void assertUsesIndex(AuditQuery query, String expectedIndex) throws SQLException {
        AuditSearch.Sql sql = AuditSearch.sql(query);
        List<Map<String, String>> plan = database.rows(
                "EXPLAIN " + sql.text(),
                sql.parameters().stream()
                        .map(p -> p instanceof Instant instant ? SqlTime.epochSeconds(instant) : p)
                        .toList());
        assertThat(plan).hasSize(1);
        Map<String, String> access = plan.get(0);
        assertThat(access.get("type"))
                .as("access type of %s: %s", sql.text(), access)
                .isNotEqualTo("ALL");
        assertThat(access.get("key")).as("index of %s: %s", sql.text(), access).isNotNull();
        if (expectedIndex != null) {
            assertThat(access.get("key"))
                    .as("index of %s: %s", sql.text(), access)
                    .isEqualTo(expectedIndex);
        }
    }

    private List<String> actions(AuditQuery query) {
        return audit.search(query).items().stream().map(AuditEventView::action).toList();
    }

    private static AuditQuery byActor(Actor actor, String action, PageRequest page) {
        return new AuditQuery(actor.accountId(), action, null, null, null, null, page);
    }

    /** A district inspector no other test acts as. */
    private static Actor inspector() {
        long accountId = key();
        return new Actor(
                accountId, Role.DISTRICT_INSPECTOR, null, "420106", null, "10.2.0.1", "trace-search-" + accountId);
    }

    /** A random key of 9 digits: unique enough here, and no shape the personal-data tripwire would refuse. */
    private static long key() {
        return ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
    }

    /**
     * An instant strictly between the events recorded before and after it (audit times are kept to the microsecond):
     * the clock is watched until it has moved on, before and after the instant taken.
     */
    private static Instant tick() {
        Instant now = nextMicrosecondAfter(Instant.now().truncatedTo(ChronoUnit.MICROS));
        nextMicrosecondAfter(now);
        return now;
    }

    private static Instant nextMicrosecondAfter(Instant instant) {
        Instant now;
        do {
            Thread.onSpinWait();
            now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        } while (!now.isAfter(instant));
        return now;
    }
}
