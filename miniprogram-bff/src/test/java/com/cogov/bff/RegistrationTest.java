package com.cogov.bff;

import static com.cogov.bff.Counter.CODEINE;
import static com.cogov.bff.Counter.EPHEDRINE;
import static com.cogov.bff.Counter.EPHEDRINE_OTHER;
import static com.cogov.bff.Counter.ORDINARY;
import static com.cogov.bff.Counter.adultId;
import static com.cogov.bff.Counter.item;
import static com.cogov.bff.Counter.minorId;
import static com.cogov.bff.Counter.post;
import static com.cogov.bff.Counter.prescribed;
import static com.cogov.bff.Counter.prescription;
import static com.cogov.bff.Counter.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.DailySummary;
import com.cogov.contracts.registration.RegistrationBatch;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.contracts.registration.RegistrationResult;
import com.cogov.contracts.registration.RegistrationView;
import com.cogov.contracts.registration.ServerTime;
import com.cogov.contracts.registration.VoidRequest;
import com.cogov.infra.dev.DemoData;
import com.cogov.infra.dev.DevServicesTest;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The counter flow: a clerk registers sales, the rules of docs/domain-rules.md §1 apply, nothing is lost or doubled. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationTest implements DevServicesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    MeterRegistry meters;

    Counter counter;
    Tokens clerk;
    /**
     * Where a request that must wait is sent from: threads of the test's own, never the common pool, which has one
     * thread on a two-core machine and may be busy with someone else's work (Caffeine's maintenance runs there).
     */
    private final java.util.concurrent.ExecutorService phone = java.util.concurrent.Executors.newCachedThreadPool();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        // A request waiting on a key the test holds waits until the test lets go, however slow the machine: a short
        // wait would end in 503 before a busy machine's test sees it waiting (RetryStuckBehindAWriteTest waits it out).
        properties.put("cogov.database.lock-wait-timeout", "60s");
        // ... and the test's phone waits for its answer as long: the test asserts what the answer is, not how soon
        // a loaded machine gives it (the client's default 10 s once ran out on a machine busy with other builds).
        properties.put("micronaut.http.client.read-timeout", "60s");
        properties.put(
                "cogov.registration.commit-writers", "1"); // so that sales queue behind a held one, and go together
        return properties;
    }

    @BeforeAll
    void signIn() {
        counter = new Counter(client, devServices());
        clerk = counter.clerkOf(1);
    }

    @org.junit.jupiter.api.AfterAll
    void hangUp() {
        phone.shutdownNow();
    }

    @Test
    void thePhoneCanCheckItsClockAgainstTheServersBeforeASaleTimeIsRefused() {
        Instant before = Instant.now();
        ServerTime time = client.toBlocking().retrieve(HttpRequest.GET("/mp/v1/time"), ServerTime.class);
        assertThat(time.now()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void aSaleIsRegisteredWithItsNumberAndShownMaskedWithItsOutboxRecord() throws Exception {
        String id = adultId();
        var response = client.toBlocking()
                .exchange(
                        post(
                                clerk,
                                UUID.randomUUID().toString(),
                                sale(
                                        id,
                                        new RegistrationRequest.Item(
                                                DemoData.EXAMPLE_BARCODE, null, 2, "B20261101", null, null))),
                        RegistrationResult.class);
        assertThat(response.getStatus().getCode()).isEqualTo(201);
        RegistrationResult result = response.body();
        assertThat(result.number()).matches("DJ\\d{8}\\d{10}");
        assertThat(result.warnings()).isEmpty();

        RegistrationView view = counter.mp.call(
                HttpRequest.GET("/mp/v1/registrations/" + result.number()), clerk, RegistrationView.class);
        assertThat(view.buyer().number()).startsWith("4201").contains("*").doesNotContain(id.substring(6, 14));
        assertThat(view.buyer().name()).isEqualTo("司****");
        assertThat(view.buyer().age()).isEqualTo(35);
        assertThat(view.items()).singleElement().satisfies(i -> {
            assertThat(i.drugName()).isEqualTo("新康泰克");
            assertThat(i.quantity()).isEqualTo(2);
        });
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT r.buyer_number_sealed, o.payload FROM registration r"
                                + " JOIN outbox o ON o.aggregate_type = 'registration' AND o.aggregate_id = r.id WHERE r.number = '"
                                + result.number() + "'")) {
            assertThat(rs.next())
                    .as("the outbox record is written with the registration")
                    .isTrue();
            assertThat(rs.getString(1)).startsWith("v1:").doesNotContain(id);
            assertThat(rs.getString(2))
                    .contains("\"number\":\"" + result.number() + "\"")
                    .doesNotContain(id);
        }
    }

    @Test
    void consecutiveSalesNumbersNeitherCountUpNorTellHowManySalesTheCityMade() throws Exception {
        String today = LocalDate.now(ZoneOffset.ofHours(8)).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            raw.add(client.toBlocking()
                    .retrieve(
                            post(clerk, UUID.randomUUID().toString(), sale(adultId(), item(EPHEDRINE, 1))),
                            String.class));
        }
        List<String> numbers = raw.stream()
                .map(body -> body.replaceAll(".*\"number\":\"(DJ\\d{18})\".*", "$1"))
                .toList();
        assertThat(numbers)
                .allSatisfy(n -> assertThat(n).matches("DJ" + today + "\\d{10}"))
                .doesNotHaveDuplicates();
        // the answer names the sale by its number only: no internal id to count with
        assertThat(raw).allSatisfy(body -> assertThat(body).doesNotContain("\"id\""));
        assertThat(counter.mp.call(HttpRequest.GET("/mp/v1/registrations/" + numbers.get(0)), clerk, String.class))
                .doesNotContain("\"id\"");

        List<Long> serials =
                numbers.stream().map(n -> Long.parseLong(n.substring(10))).toList();
        assertThat(serials)
                .as("not in the order of the sales")
                .isNotEqualTo(serials.stream().sorted().toList());
        for (int i = 1; i < serials.size(); i++) {
            assertThat(Math.abs(serials.get(i) - serials.get(i - 1)))
                    .as("sale %d after sale %d", i + 1, i)
                    .isGreaterThan(1000);
        }
        // ... while inside, the ids still count up, and none of them shows in a number
        List<Long> ids = new ArrayList<>();
        try (Connection c = devServices().openConnection()) {
            for (String number : numbers) {
                ResultSet rs =
                        c.createStatement().executeQuery("SELECT id FROM registration WHERE number = '" + number + "'");
                assertThat(rs.next()).as(number).isTrue();
                ids.add(rs.getLong(1));
            }
            assertThat(ids).isSorted();
            for (int i = 0; i < ids.size(); i++) {
                assertThat(numbers.get(i)).doesNotEndWith(String.format("%010d", ids.get(i)));
            }
            // unique, by the database
            assertThatThrownBy(() -> c.createStatement()
                            .executeUpdate("UPDATE registration SET number = '" + numbers.get(0) + "' WHERE number = '"
                                    + numbers.get(1) + "'"))
                    .isInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class);
        }
        // the internal id does not open a record either
        counter.mp.refused(HttpRequest.GET("/mp/v1/registrations/" + ids.get(0)).bearerAuth(clerk.accessToken()), 404);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheSameAnswerAndNoSecondRecord() throws Exception {
        String key = UUID.randomUUID().toString();
        RegistrationRequest sale = sale(adultId(), item(EPHEDRINE, 1));
        RegistrationResult first = client.toBlocking().retrieve(post(clerk, key, sale), RegistrationResult.class);
        HttpResponse<RegistrationResult> again =
                client.toBlocking().exchange(post(clerk, key, sale), RegistrationResult.class);
        assertThat(again.getStatus().getCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first);
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT COUNT(*) FROM registration_request WHERE idempotency_key = '" + key + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        Problem reused = counter.mp.refused(post(clerk, key, sale(adultId(), item(EPHEDRINE, 1))), 422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(counter.mp.refused(post(clerk, null, sale), 400).code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void aRetryThatItsOwnFirstSaleWouldNowTripIsStillAnsweredAsTheFirst() {
        // Two packages of a codeine liquid is the 24-hour limit (velocity in BLOCK mode): counted again with its first
        // sale, the retry would be over it.
        String key = UUID.randomUUID().toString();
        RegistrationRequest sale = sale(adultId(), prescription(), prescribed(CODEINE, 2, 2));
        RegistrationResult first = client.toBlocking().retrieve(post(clerk, key, sale), RegistrationResult.class);
        HttpResponse<RegistrationResult> again =
                client.toBlocking().exchange(post(clerk, key, sale), RegistrationResult.class);
        assertThat(again.getStatus().getCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first);
        assertThat(salesTo(sale.buyer().documentNumber())).isEqualTo(1);
    }

    @Test
    void aKeyResentInOtherLettersIsTheSameKey() {
        // The phone's key store may upper-case a UUID between the first send and the retry.
        String key = UUID.randomUUID().toString();
        RegistrationRequest sale = sale(adultId(), item(EPHEDRINE, 1));
        RegistrationResult first = client.toBlocking().retrieve(post(clerk, key, sale), RegistrationResult.class);
        HttpResponse<RegistrationResult> again = client.toBlocking()
                .exchange(post(clerk, key.toUpperCase(java.util.Locale.ROOT), sale), RegistrationResult.class);
        assertThat(again.getStatus().getCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first);
        assertThat(salesTo(sale.buyer().documentNumber())).isEqualTo(1);
    }

    @Test
    void aRetryArrivingWhileTheFirstIsStillBeingWrittenWaitsAndGetsTheFirstsAnswer() throws Exception {
        String buyer = adultId();
        RegistrationRequest sale = sale(buyer, item(EPHEDRINE, 1));
        RegistrationResult first = counter.register(clerk, sale);
        String key = UUID.randomUUID().toString();
        // Another node is writing this key's answer and has not committed yet (the answer of the first sale stands in).
        try (Connection other = counter.answerInFlight(key, first)) {
            var retry =
                    phone.submit(() -> client.toBlocking().exchange(post(clerk, key, sale), RegistrationResult.class));
            counter.awaitKeyWrites(1);
            assertThat(retry).as("waits for the other node's commit").isNotDone();
            other.commit();

            HttpResponse<RegistrationResult> answer = retry.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.getStatus().getCode()).isEqualTo(201);
            assertThat(answer.body()).isEqualTo(first);
        }
        assertThat(salesTo(buyer)).as("the retry rolled its own sale back").isEqualTo(1);
    }

    @Test
    void aKeyAlreadyUsedForAnotherSaleIsRefusedEvenWhenBothArriveTogether() throws Exception {
        RegistrationRequest sale = sale(adultId(), item(EPHEDRINE, 1));
        RegistrationResult other = counter.register(clerk, sale(adultId(), item(EPHEDRINE, 1)));
        String key = UUID.randomUUID().toString();
        try (Connection c = counter.answerInFlight(key, other)) {
            var mine = phone.submit(() -> counter.mp.refused(post(clerk, key, sale), 422));
            counter.awaitKeyWrites(1);
            c.commit();
            assertThat(mine.get(10, java.util.concurrent.TimeUnit.SECONDS).code())
                    .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        }
    }

    @Test
    void salesArrivingTogetherAreCommittedTogetherEachExactlyOnce() throws Exception {
        DistributionSummary groups =
                meters.get("cogov.registration.commit.sales").summary();
        long groupsBefore = groups.count();
        double salesBefore = groups.totalAmount();
        Map<String, Sending> sending = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            String buyer = adultId();
            sending.put(buyer, new Sending(UUID.randomUUID().toString(), sale(buyer, item(EPHEDRINE, 1))));
        }
        Map<String, RegistrationResult> sales = whileTheCommitWriterIsHeld(sending);

        assertThat(sales.values()).extracting(RegistrationResult::number).doesNotHaveDuplicates();
        sales.keySet()
                .forEach(buyer ->
                        assertThat(salesTo(buyer)).as("each sale written once").isEqualTo(1));
        String ids = "SELECT id FROM registration WHERE number IN ("
                + String.join(
                        ",",
                        sales.values().stream().map(r -> "'" + r.number() + "'").toList()) + ")";
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT (SELECT COUNT(*) FROM outbox WHERE aggregate_type = 'registration'"
                                + " AND aggregate_id IN (" + ids
                                + ")), (SELECT COUNT(*) FROM registration_request WHERE registration_id IN (" + ids
                                + "))")) {
            rs.next();
            assertThat(rs.getInt(1)).as("outbox records").isEqualTo(20);
            assertThat(rs.getInt(2)).as("idempotency records").isEqualTo(20);
        }
        assertThat(groups.totalAmount() - salesBefore).as("sales written").isGreaterThanOrEqualTo(20);
        assertThat(groups.count() - groupsBefore)
                .as("transactions for them: fewer than one per sale")
                .isLessThan(20);
    }

    @Test
    void aSaleSentTwiceAtOnceIsWrittenOnceAndItsGroupStillGoesThrough() throws Exception {
        double fallbacksBefore =
                meters.get("cogov.registration.commit.fallbacks").counter().count();
        String twiceBuyer = adultId();
        // Two copies of one sale (same key, same body) queue in the same group as three other sales.
        Sending twice = new Sending(UUID.randomUUID().toString(), sale(twiceBuyer, item(EPHEDRINE, 1)));
        Map<String, Sending> sending = new HashMap<>(Map.of("copy 1", twice, "copy 2", twice));
        for (int i = 0; i < 3; i++) {
            String buyer = adultId();
            sending.put(buyer, new Sending(UUID.randomUUID().toString(), sale(buyer, item(EPHEDRINE, 1))));
        }
        Map<String, RegistrationResult> sales = whileTheCommitWriterIsHeld(sending);

        assertThat(sales.get("copy 1")).isEqualTo(sales.get("copy 2"));
        assertThat(salesTo(twiceBuyer)).as("the doubled sale written once").isEqualTo(1);
        sales.keySet().stream()
                .filter(b -> !b.startsWith("copy"))
                .forEach(buyer -> assertThat(salesTo(buyer)).isEqualTo(1));
        assertThat(meters.get("cogov.registration.commit.fallbacks").counter().count() - fallbacksBefore)
                .as("the group rolled back and was written sale by sale")
                .isPositive();
    }

    /** A sale as a phone sends it: its idempotency key and body. */
    private record Sending(String key, RegistrationRequest sale) {}

    /**
     * Sends the sales at once while the only commit writer waits on another request's key, so that they queue and are
     * written together once it is free; answers them by the same names.
     */
    private Map<String, RegistrationResult> whileTheCommitWriterIsHeld(Map<String, Sending> sending) throws Exception {
        RegistrationResult earlier = counter.register(clerk, sale(adultId(), item(EPHEDRINE, 1)));
        String heldKey = UUID.randomUUID().toString();
        java.util.concurrent.ExecutorService phones =
                java.util.concurrent.Executors.newFixedThreadPool(sending.size() + 1);
        try (Connection held = counter.answerInFlight(heldKey, earlier)) {
            var blocked = phones.submit(() ->
                    counter.mp.refused(post(clerk, heldKey, sale(adultId(), item(EPHEDRINE, 1))), 422));
            counter.awaitKeyWrites(1); // the commit writer now waits on the held key
            Map<String, java.util.concurrent.Future<RegistrationResult>> sent = new HashMap<>();
            sending.forEach((name, s) -> sent.put(
                    name,
                    phones.submit(() ->
                            client.toBlocking().retrieve(post(clerk, s.key(), s.sale()), RegistrationResult.class))));
            // every sale is accepted and queued behind the held writer (the second copy of a doubled sale too)
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> meters.get("cogov.registration.commit.queued")
                                    .gauge()
                                    .value()
                            >= sending.size());
            held.commit();

            assertThat(blocked.get(15, java.util.concurrent.TimeUnit.SECONDS).code())
                    .isEqualTo("IDEMPOTENCY_KEY_REUSED");
            Map<String, RegistrationResult> answers = new HashMap<>();
            for (var sale : sent.entrySet()) {
                answers.put(sale.getKey(), sale.getValue().get(15, java.util.concurrent.TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            phones.shutdownNow();
        }
    }

    @Test
    void aRefusedSaleLeavesItsKeyFreeForTheCorrectedRetry() {
        String key = UUID.randomUUID().toString();
        String buyer = adultId();
        assertThat(counter.mp
                        .refused(post(clerk, key, sale(buyer, item(EPHEDRINE, 3))), 422)
                        .code())
                .isEqualTo("REGISTRATION_BLOCKED");
        HttpResponse<RegistrationResult> corrected = client.toBlocking()
                .exchange(post(clerk, key, sale(buyer, item(EPHEDRINE, 2))), RegistrationResult.class);
        assertThat(corrected.getStatus().getCode()).isEqualTo(201);
    }

    private long salesTo(String documentNumber) {
        return counter.mp
                .call(
                        HttpRequest.GET("/mp/v1/registrations?documentNumber=" + documentNumber),
                        clerk,
                        MiniProgramSessions.REGISTRATIONS)
                .items()
                .size();
    }

    @Test
    void moreThanTwoPackagesOfEphedrineCompoundsInOneSaleAreRefusedAndTheDistrictAlerted() throws Exception {
        Problem p = counter.mp.refused(
                post(
                        clerk,
                        UUID.randomUUID().toString(),
                        sale(adultId(), item(EPHEDRINE, 2), item(EPHEDRINE_OTHER, 1))),
                422);
        assertThat(p.code()).isEqualTo("REGISTRATION_BLOCKED");
        assertThat(p.errors()).extracting(Problem.FieldError::message).anyMatch(m -> m.startsWith("PER_SALE_LIMIT"));
        assertThat(p.detail()).contains("不得超过2个最小包装");
        // The district's alert shows the buyer (sealed, to be masked) though no sale was made.
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM rule_alert WHERE rule_code = 'PER_SALE_LIMIT'"
                                + " AND severity = 'BLOCK' AND registration_id IS NULL AND district_code = '420106'"
                                + " AND buyer_number_sealed IS NOT NULL AND buyer_name_sealed IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
        // ... and the district's inspector finds it in the inbox, written with the alert (docs/notifications.md)
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT COUNT(*) FROM notification_inbox i JOIN account a ON a.id = i.account_id"
                                        + " WHERE a.username = 'inspector' AND i.notice_key = (SELECT CONCAT('alert:', MAX(id))"
                                        + " FROM rule_alert WHERE rule_code = 'PER_SALE_LIMIT' AND district_code = '420106')")) {
            rs.next();
            assertThat(rs.getInt(1))
                    .as("the inspector's inbox entry for the block")
                    .isEqualTo(1);
        }
    }

    @Test
    void categoryTwoNeedsAPrescriptionAndItsAmount() {
        assertThat(counter.mp
                        .refused(post(clerk, UUID.randomUUID().toString(), sale(adultId(), item(CODEINE, 1))), 422)
                        .errors())
                .extracting(Problem.FieldError::message)
                .anyMatch(m -> m.startsWith("PRESCRIPTION_REQUIRED"));
        assertThat(counter.mp
                        .refused(
                                post(
                                        clerk,
                                        UUID.randomUUID().toString(),
                                        sale(adultId(), prescription(), prescribed(CODEINE, 2, 1))),
                                422)
                        .errors())
                .extracting(Problem.FieldError::message)
                .anyMatch(m -> m.startsWith("PRESCRIBED_QUANTITY_EXCEEDED"));
        assertThat(counter.register(clerk, sale(adultId(), prescription(), prescribed(CODEINE, 1, 1)))
                        .warnings())
                .isEmpty();
    }

    @Test
    void minorsAreRefusedCategoryTwoAndFlaggedForEphedrineByPolicy() {
        String minor = minorId();
        assertThat(counter.mp
                        .refused(
                                post(
                                        clerk,
                                        UUID.randomUUID().toString(),
                                        sale(minor, prescription(), prescribed(CODEINE, 1, 1))),
                                422)
                        .errors())
                .extracting(Problem.FieldError::message)
                .anyMatch(m -> m.startsWith("MINOR_CATEGORY_TWO"));
        RegistrationResult ephedrine = counter.register(clerk, sale(minor, item(EPHEDRINE, 1)));
        assertThat(ephedrine.warnings())
                .extracting(RegistrationResult.Warning::code)
                .containsExactly("MINOR");
        RegistrationView later = counter.mp.call(
                HttpRequest.GET("/mp/v1/registrations/" + ephedrine.number()), clerk, RegistrationView.class);
        assertThat(later.warnings())
                .extracting(RegistrationResult.Warning::message)
                .containsExactly("购买人未满18周岁");
    }

    @Test
    void buyingAcrossPharmaciesIsCaughtCityWide() {
        String smurf = adultId();
        assertThat(counter.register(counter.clerkOf(11), sale(smurf, item(EPHEDRINE, 2)))
                        .warnings())
                .isEmpty();
        assertThat(counter.register(counter.clerkOf(12), sale(smurf, item(EPHEDRINE, 2)))
                        .warnings())
                .isEmpty();
        RegistrationResult third = counter.register(counter.clerkOf(13), sale(smurf, item(EPHEDRINE, 1)));
        assertThat(third.warnings())
                .extracting(RegistrationResult.Warning::code)
                .contains("VELOCITY_24H");
        RegistrationResult fourth = counter.register(counter.clerkOf(14), sale(smurf, item(EPHEDRINE_OTHER, 1)));
        assertThat(fourth.warnings())
                .extracting(RegistrationResult.Warning::code)
                .contains("VELOCITY_24H", "VELOCITY_PHARMACIES");
    }

    @Test
    void velocityInBlockModeRefusesTheSale() {
        String buyer = adultId();
        counter.register(counter.clerkOf(15), sale(buyer, prescription(), prescribed(CODEINE, 2, 2)));
        Problem p = counter.mp.refused(
                post(
                        counter.clerkOf(16),
                        UUID.randomUUID().toString(),
                        sale(buyer, prescription(), prescribed(CODEINE, 1, 1))),
                422);
        assertThat(p.errors()).extracting(Problem.FieldError::message).anyMatch(m -> m.startsWith("VELOCITY_24H"));
    }

    @Test
    void withRedisDownSalesStillGoThroughAndVelocityIsEnforcedFromTheDatabase() {
        String buyer = adultId();
        // signed in before the outage: WeChat sign-in keeps WeChat's access token in Redis
        Tokens second = counter.clerkOf(18);
        Tokens third = counter.clerkOf(19);
        Tokens fourth = counter.clerkOf(20);
        counter.register(counter.clerkOf(17), sale(buyer, item(EPHEDRINE, 2))); // loaded into Redis
        devServices().stopRedis();
        try {
            assertThat(counter.register(second, sale(buyer, item(EPHEDRINE, 2))).warnings())
                    .isEmpty();
            assertThat(counter.register(third, sale(buyer, item(EPHEDRINE, 1))).warnings())
                    .extracting(RegistrationResult.Warning::code)
                    .contains("VELOCITY_24H");
        } finally {
            devServices().startRedis();
        }
        // back on Redis, the sales made during the outage still count
        assertThat(counter.register(fourth, sale(buyer, item(EPHEDRINE, 1))).warnings())
                .extracting(RegistrationResult.Warning::code)
                .contains("VELOCITY_24H", "VELOCITY_PHARMACIES");
    }

    @Test
    void aTraceabilityCodeSoldBeforeIsFlaggedAsResaleAndItsRepeatsAreOneAlert() throws Exception {
        String code = Counter.traceCode(EPHEDRINE);
        assertThat(counter.register(clerk, sale(adultId(), item(EPHEDRINE, 1, code)))
                        .warnings())
                .isEmpty();
        assertThat(counter.register(clerk, sale(adultId(), item(EPHEDRINE, 1, code)))
                        .warnings())
                .extracting(RegistrationResult.Warning::code)
                .containsExactly("TRACE_CODE_RESOLD");
        assertThat(counter.register(clerk, sale(adultId(), item(EPHEDRINE, 1, code)))
                        .warnings())
                .extracting(RegistrationResult.Warning::code)
                .containsExactly("TRACE_CODE_RESOLD");
        // The second repeat joins the code's open alert, with every sale of the code behind it.
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT a.occurrences, (SELECT COUNT(*) FROM"
                        + " rule_alert_registration r WHERE r.alert_id = a.id) FROM rule_alert a"
                        + " WHERE a.rule_code = 'TRACE_CODE_RESOLD' AND a.subject_key = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("one alert for the code").isTrue();
                assertThat(rs.getInt(1)).as("repeats counted").isEqualTo(2);
                assertThat(rs.getInt(2)).as("sales behind it").isEqualTo(3);
                assertThat(rs.next()).as("one alert for the code").isFalse();
            }
        }
        assertThat(counter.mp
                        .refused(
                                post(
                                        clerk,
                                        UUID.randomUUID().toString(),
                                        sale(adultId(), item(EPHEDRINE, 1, Counter.traceCode(CODEINE)))),
                                400)
                        .errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("items[0].traceCodes[0]");
    }

    @Test
    void aTraceabilityCodeResoldToABuyerWhoseHistoryIsInRedisIsFlaggedToo() {
        // The buyer's second sale finds their velocity set in Redis, so the database is asked about the code alone.
        String buyer = adultId();
        String code = Counter.traceCode(EPHEDRINE);
        assertThat(counter.register(clerk, sale(buyer, item(EPHEDRINE, 1, code)))
                        .warnings())
                .isEmpty();
        assertThat(counter.register(clerk, sale(buyer, item(EPHEDRINE, 1, code)))
                        .warnings())
                .extracting(RegistrationResult.Warning::code)
                .containsExactly("TRACE_CODE_RESOLD");
    }

    @Test
    void aVoidIsANewRecordWithinItsWindowAndTheSaleNoLongerCounts() throws Exception {
        String buyer = adultId();
        RegistrationResult first = counter.register(clerk, sale(buyer, item(EPHEDRINE, 2)));
        RegistrationView voided = counter.mp.call(
                HttpRequest.POST("/mp/v1/registrations/" + first.number() + "/void", new VoidRequest("录入错误，购买人改买其他药")),
                clerk,
                RegistrationView.class);
        assertThat(voided.status()).isEqualTo(RegistrationView.Status.VOIDED);
        assertThat(counter.mp
                        .refused(
                                HttpRequest.POST(
                                                "/mp/v1/registrations/" + first.number() + "/void",
                                                new VoidRequest("再次"))
                                        .bearerAuth(clerk.accessToken()),
                                409)
                        .code())
                .isEqualTo("ALREADY_VOIDED");
        assertThat(counter.register(clerk, sale(buyer, item(EPHEDRINE, 2))).warnings())
                .isEmpty();

        RegistrationResult old = counter.register(clerk, sale(adultId(), item(EPHEDRINE, 1)));
        try (Connection c = devServices().openConnection()) {
            c.createStatement()
                    .executeUpdate("UPDATE registration SET recorded_at = NOW(6) - INTERVAL 25 HOUR WHERE number = '"
                            + old.number() + "'");
            ResultSet rs = c.createStatement()
                    .executeQuery("SELECT COUNT(*) FROM registration WHERE number = '" + first.number() + "'");
            rs.next();
            assertThat(rs.getInt(1)).as("the voided sale stays on file").isEqualTo(1);
        }
        assertThat(counter.mp
                        .refused(
                                HttpRequest.POST(
                                                "/mp/v1/registrations/" + old.number() + "/void",
                                                new VoidRequest("太晚了"))
                                        .bearerAuth(clerk.accessToken()),
                                409)
                        .code())
                .isEqualTo("VOID_WINDOW_CLOSED");
    }

    @Test
    void anOfflineBatchIsAnsweredEntryByEntry() {
        String key = UUID.randomUUID().toString();
        RegistrationRequest good = sale(adultId(), item(EPHEDRINE, 1));
        var batch = new RegistrationBatch.Request(List.of(
                new RegistrationBatch.Entry(key, good),
                new RegistrationBatch.Entry(
                        UUID.randomUUID().toString(), sale("420106199001011230", item(EPHEDRINE, 1))),
                new RegistrationBatch.Entry(UUID.randomUUID().toString(), sale(adultId(), item(EPHEDRINE, 3))),
                new RegistrationBatch.Entry(UUID.randomUUID().toString(), sale(adultId(), item(EPHEDRINE, -2))),
                new RegistrationBatch.Entry(key, good)));
        RegistrationBatch.Result result = counter.mp.call(
                HttpRequest.POST("/mp/v1/registrations/batch", batch), clerk, RegistrationBatch.Result.class);
        assertThat(result.results())
                .extracting(RegistrationBatch.Outcome::status)
                .containsExactly(201, 400, 422, 400, 201);
        assertThat(result.results().get(1).problem().code()).isEqualTo("ID_NUMBER_INVALID");
        assertThat(result.results().get(3).problem().errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("items[0].quantity");
        assertThat(result.results().get(4).result())
                .isEqualTo(result.results().get(0).result());

        assertThat(counter.mp
                        .refused(
                                HttpRequest.POST("/mp/v1/registrations/batch", Map.of("registrations", List.of()))
                                        .bearerAuth(clerk.accessToken()),
                                400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");
        List<RegistrationBatch.Entry> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(new RegistrationBatch.Entry(UUID.randomUUID().toString(), good));
        }
        assertThat(counter.mp
                        .refused(
                                HttpRequest.POST("/mp/v1/registrations/batch", new RegistrationBatch.Request(tooMany))
                                        .bearerAuth(clerk.accessToken()),
                                400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void thePharmacyFindsItsOwnRecordsByBuyerAndSeesItsDay() {
        Tokens own = counter.clerkOf(21);
        String buyer = adultId();
        RegistrationResult a = counter.register(own, sale(buyer, item(EPHEDRINE, 1)));
        RegistrationResult b = counter.register(own, sale(adultId(), item(EPHEDRINE_OTHER, 2)));
        Page<RegistrationView> page =
                counter.mp.call(HttpRequest.GET("/mp/v1/registrations"), own, MiniProgramSessions.REGISTRATIONS);
        assertThat(page.items()).extracting(RegistrationView::number).containsExactly(b.number(), a.number());
        assertThat(page.nextCursor()).isNull();
        // Cursor paging: one row per page here, newest first, the second page ends the list
        Page<RegistrationView> first = counter.mp.call(
                HttpRequest.GET("/mp/v1/registrations?limit=1"), own, MiniProgramSessions.REGISTRATIONS);
        assertThat(first.items()).extracting(RegistrationView::number).containsExactly(b.number());
        Page<RegistrationView> second = counter.mp.call(
                HttpRequest.GET("/mp/v1/registrations?limit=1&cursor=" + first.nextCursor()),
                own,
                MiniProgramSessions.REGISTRATIONS);
        assertThat(second.items()).extracting(RegistrationView::number).containsExactly(a.number());
        assertThat(second.nextCursor()).isNull();
        Page<RegistrationView> byBuyer = counter.mp.call(
                HttpRequest.GET("/mp/v1/registrations?documentType=RESIDENT_ID&documentNumber=" + buyer),
                own,
                MiniProgramSessions.REGISTRATIONS);
        assertThat(byBuyer.items()).extracting(RegistrationView::number).containsExactly(a.number());

        Tokens other = counter.clerkOf(22);
        assertThat(counter.mp
                        .call(HttpRequest.GET("/mp/v1/registrations"), other, MiniProgramSessions.REGISTRATIONS)
                        .items())
                .isEmpty();
        counter.mp.refused(HttpRequest.GET("/mp/v1/registrations/" + a.number()).bearerAuth(other.accessToken()), 404);

        DailySummary day = counter.mp.call(
                HttpRequest.GET("/mp/v1/registrations/summary?date=" + LocalDate.now(ZoneOffset.ofHours(8))),
                own,
                DailySummary.class);
        assertThat(day.registrations()).isEqualTo(2);
        assertThat(day.drugs()).extracting(DailySummary.DrugTotal::packages).containsExactly(2L, 1L);
    }

    @Test
    void badInputGetsASpecificCodeNeverA500() {
        String key = UUID.randomUUID().toString();
        assertThat(counter.mp
                        .refused(post(clerk, key, sale("42010619900101123", item(EPHEDRINE, 1))), 400)
                        .code())
                .isEqualTo("ID_NUMBER_INVALID");
        Problem unknown = counter.mp.refused(
                post(
                        clerk,
                        key,
                        sale(adultId(), new RegistrationRequest.Item("6901028075831", null, 1, "B1", null, null))),
                404);
        assertThat(unknown.code()).isEqualTo("DRUG_NOT_FOUND");
        assertThat(unknown.errors()).extracting(Problem.FieldError::field).containsExactly("items[0].barcode");
        assertThat(counter.mp
                        .refused(
                                post(
                                        clerk,
                                        key,
                                        sale(
                                                adultId(),
                                                new RegistrationRequest.Item(
                                                        "69712000000X9", null, 1, "B1", null, null))),
                                400)
                        .code())
                .isEqualTo("BARCODE_INVALID");
        assertThat(counter.mp
                        .refused(post(clerk, key, sale(adultId(), item(EPHEDRINE, -1))), 400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(counter.mp
                        .refused(post(clerk, key, sale(adultId(), item(EPHEDRINE, 1000))), 400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(counter.mp
                        .refused(post(clerk, key, sale(adultId(), item(ORDINARY, 1))), 400)
                        .code())
                .isEqualTo("NOT_A_SPECIAL_DRUG");
        var future = new RegistrationRequest(
                sale(adultId(), item(EPHEDRINE, 1)).buyer(),
                List.of(item(EPHEDRINE, 1)),
                null,
                OffsetDateTime.now().plusDays(1));
        assertThat(counter.mp.refused(post(clerk, key, future), 400).code()).isEqualTo("SOLD_AT_OUT_OF_RANGE");
        assertThat(counter.mp
                        .refused(
                                post(clerk, key, Map.of("buyer", Map.of(), "items", List.of(), "soldAt", "yesterday")),
                                400)
                        .code())
                .isIn("MALFORMED_REQUEST", "VALIDATION_FAILED");
        assertThat(counter.mp
                        .refused(post(clerk, "short", sale(adultId(), item(EPHEDRINE, 1))), 400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(counter.mp
                        .refused(
                                HttpRequest.GET("/mp/v1/registrations?cursor=not-a-cursor")
                                        .bearerAuth(clerk.accessToken()),
                                400)
                        .code())
                .isEqualTo("PAGE_CURSOR_INVALID");
        assertThat(counter.mp
                        .refused(HttpRequest.GET("/mp/v1/registrations?limit=0").bearerAuth(clerk.accessToken()), 400)
                        .code())
                .isEqualTo("PAGE_LIMIT_INVALID");
        assertThat(counter.mp
                        .refused(
                                HttpRequest.GET("/mp/v1/registrations?limit=201")
                                        .bearerAuth(clerk.accessToken()),
                                400)
                        .code())
                .isEqualTo("PAGE_LIMIT_INVALID");
        // nothing of the refused attempts was kept under the key: it still works for a correct sale
        assertThat(client.toBlocking()
                        .exchange(post(clerk, key, sale(adultId(), item(EPHEDRINE, 1))))
                        .getStatus()
                        .getCode())
                .isEqualTo(201);
    }

    @Test
    void onlyPharmacyStaffRegister() {
        Tokens citizen = counter.mp.signIn("citizen-" + UUID.randomUUID());
        counter.mp.refused(post(citizen, UUID.randomUUID().toString(), sale(adultId(), item(EPHEDRINE, 1))), 403);
        counter.mp.refused(HttpRequest.POST("/mp/v1/registrations", sale(adultId(), item(EPHEDRINE, 1))), 401);
    }
}
