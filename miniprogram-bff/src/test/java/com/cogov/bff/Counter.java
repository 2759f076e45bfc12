package com.cogov.bff;

import static org.awaitility.Awaitility.await;

import com.cogov.api.buyer.TestPersonalData;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.contracts.registration.RegistrationResult;
import com.cogov.infra.dev.DevServices;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The pharmacy counter in tests: clerks of any pharmacy, buyers, and sales of the demo catalog. */
final class Counter {

    /** Demo catalog ids (DemoData): ephedrine compounds 1-12 (6 and 12 prescription-only), codeine liquids 13-15. */
    static final long EPHEDRINE = 1;

    static final long EPHEDRINE_OTHER = 2;
    static final long CODEINE = 13;
    static final long ORDINARY = 39;

    private final HttpClient client;
    private final DevServices dev;
    final MiniProgramSessions mp;

    Counter(HttpClient client, DevServices dev) {
        this.client = client;
        this.dev = dev;
        this.mp = new MiniProgramSessions(client);
    }

    /** A clerk of the given demo pharmacy (1-60), created on first use. */
    Tokens clerkOf(long pharmacyId) {
        String openid = "counter-clerk-" + pharmacyId;
        try (Connection c = dev.openConnection()) {
            c.createStatement()
                    .executeUpdate(
                            "INSERT IGNORE INTO account (wechat_openid, role, display_name, pharmacy_id, district_code)"
                                    + " SELECT '" + openid
                                    + "', 'PHARMACY_CLERK', '测试店员', id, district_code FROM pharmacy WHERE id = "
                                    + pharmacyId);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return mp.signIn(openid);
    }

    static String adultId() {
        return TestPersonalData.residentId(LocalDate.now().minusYears(35));
    }

    static String minorId() {
        return TestPersonalData.residentId(LocalDate.now().minusYears(16));
    }

    static RegistrationRequest sale(String idNumber, RegistrationRequest.Item... items) {
        return sale(idNumber, null, items);
    }

    static RegistrationRequest sale(
            String idNumber, RegistrationRequest.Prescription prescription, RegistrationRequest.Item... items) {
        return new RegistrationRequest(
                new RegistrationRequest.Buyer(
                        null, DocumentType.RESIDENT_ID, idNumber, TestPersonalData.COUNTER_BUYER_NAME),
                Arrays.asList(items),
                prescription,
                OffsetDateTime.now(ZoneOffset.ofHours(8)));
    }

    static RegistrationRequest.Item item(long drugId, int quantity, String... traceCodes) {
        return new RegistrationRequest.Item(
                null, drugId, quantity, "B2026" + drugId, traceCodes.length == 0 ? null : List.of(traceCodes), null);
    }

    static RegistrationRequest.Item prescribed(long drugId, int quantity, int prescribed) {
        return new RegistrationRequest.Item(null, drugId, quantity, "B2026" + drugId, null, prescribed);
    }

    static RegistrationRequest.Prescription prescription() {
        return new RegistrationRequest.Prescription(
                "RX" + UUID.randomUUID().toString().substring(0, 8), "李医生", "武汉市第一医院");
    }

    /** A traceability code of a demo drug: its product identifier 8xxxxxx and 13 more digits. */
    static String traceCode(long drugId) {
        return String.format("8%06d", 100000 + drugId)
                + String.format("%013d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000_000L);
    }

    static MutableHttpRequest<?> post(Tokens clerk, String key, Object body) {
        MutableHttpRequest<?> request =
                HttpRequest.POST("/mp/v1/registrations", body).bearerAuth(clerk.accessToken());
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    RegistrationResult register(Tokens clerk, RegistrationRequest sale) {
        return client.toBlocking().retrieve(post(clerk, UUID.randomUUID().toString(), sale), RegistrationResult.class);
    }

    /**
     * A connection of "another node" that is writing, uncommitted, the key's answer as that of an earlier
     * registration: a request with this key waits on it until the caller commits or rolls back.
     */
    Connection answerInFlight(String key, RegistrationResult answerOf) throws SQLException {
        long registrationId;
        // Read first, outside the held transaction: an INSERT ... SELECT reading registration would lock its rows and
        // gaps, and hold up every sale's insert rather than only the one with this key.
        try (Connection read = dev.openConnection();
                ResultSet rs = read.createStatement()
                        .executeQuery("SELECT id FROM registration WHERE number = '" + answerOf.number() + "'")) {
            rs.next();
            registrationId = rs.getLong(1);
        }
        Connection c = dev.openConnection();
        c.setAutoCommit(false);
        c.createStatement()
                .executeUpdate("INSERT INTO registration_request (pharmacy_id, idempotency_key, request_hash,"
                        + " registration_id, response) SELECT pharmacy_id, '" + key
                        + "', request_hash, registration_id, response"
                        + " FROM registration_request WHERE registration_id = " + registrationId);
        return c;
    }

    /**
     * Until this many of the app's statements are writing a request's key while {@link #answerInFlight} holds one:
     * the requests sent have reached the held key and wait on it. Read from the server's process list (a statement
     * under way, whatever it waits on) rather than InnoDB's lock waits: a fresh-clone run once had the commit writer
     * blocked on its insert for 30 s while {@code INNODB_TRX} showed no transaction in LOCK WAIT. The app's lock wait
     * must outlast this poll on a busy machine (see RegistrationTest's properties).
     */
    void awaitKeyWrites(int count) throws SQLException {
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> keyWritesUnderWay() >= count);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "no request reached the held key: " + count + " key writes expected; " + serverState(), e);
        }
    }

    private int keyWritesUnderWay() throws SQLException {
        try (Connection c = dev.openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query'"
                                + " AND INFO LIKE 'INSERT INTO registration\\_request%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** What the server and this JVM were doing, for a poll that gave up: every statement, lock wait and thread. */
    private String serverState() throws SQLException {
        StringBuilder state = new StringBuilder();
        try (Connection c = dev.openConnection()) {
            for (String query : java.util.List.of(
                    "SELECT ID, COMMAND, TIME, STATE, LEFT(INFO, 200) FROM information_schema.PROCESSLIST"
                            + " WHERE COMMAND <> 'Sleep'",
                    "SELECT trx_id, trx_state, trx_mysql_thread_id, trx_rows_locked, LEFT(trx_query, 200)"
                            + " FROM information_schema.INNODB_TRX",
                    "SELECT * FROM information_schema.INNODB_LOCK_WAITS",
                    "SHOW ENGINE INNODB STATUS")) {
                state.append("\n-- ").append(query);
                try (ResultSet rs = c.createStatement().executeQuery(query)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        state.append('\n');
                        for (int i = 1; i <= columns; i++) {
                            state.append(rs.getString(i)).append(" | ");
                        }
                    }
                } catch (SQLException unavailable) {
                    state.append("\n").append(unavailable.getMessage());
                }
            }
        }
        state.append("\n-- threads");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            state.append('\n').append(thread.getName()).append(' ').append(thread.getState());
            for (int i = 0; i < Math.min(stack.length, 12); i++) {
                state.append("\n    at ").append(stack[i]);
            }
        });
        return state.toString();
    }
}
