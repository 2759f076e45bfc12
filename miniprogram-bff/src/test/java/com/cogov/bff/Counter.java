package com.cogov.bff;

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
}
