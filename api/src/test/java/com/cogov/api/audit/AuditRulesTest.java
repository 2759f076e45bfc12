package com.cogov.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

/** The rules of the trail that need no database: the sealing format and the personal-data tripwire. */
class AuditRulesTest {

    private static final AuditEvent EVENT = new AuditEvent(
            7,
            Instant.parse("2026-11-21T02:30:00.120000Z"),
            42L,
            "CITY_ADMIN",
            "city",
            "account.disable",
            "account",
            "7",
            "SUCCESS",
            "10.0.0.8",
            "4bf92f35",
            "{\"reason\":\"left \\\"the\\\" bureau\"}",
            "ab".repeat(32),
            "ignored");

    @Test
    void theContentIsTheDocumentedJsonWithSixFractionDigitsAndNullsSpelledOut() {
        assertThat(AuditHashing.content(EVENT))
                .isEqualTo(
                        "{\"occurredAt\":\"2026-11-21T02:30:00.120000Z\","
                                + "\"actorAccountId\":42,\"actorRole\":\"CITY_ADMIN\",\"actorScope\":\"city\",\"action\":\"account.disable\","
                                + "\"targetType\":\"account\",\"targetId\":\"7\",\"outcome\":\"SUCCESS\",\"sourceAddress\":\"10.0.0.8\","
                                + "\"traceId\":\"4bf92f35\",\"details\":\"{\\\"reason\\\":\\\"left \\\\\\\"the\\\\\\\" bureau\\\"}\"}");
        AuditEvent system = new AuditEvent(
                1,
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                null,
                "system",
                "audit.verify",
                null,
                null,
                "SUCCESS",
                null,
                null,
                null,
                AuditHashing.GENESIS,
                "");
        assertThat(AuditHashing.content(system))
                .isEqualTo("{\"occurredAt\":\"2026-01-01T00:00:00.000000Z\","
                        + "\"actorAccountId\":null,\"actorRole\":null,\"actorScope\":\"system\",\"action\":\"audit.verify\","
                        + "\"targetType\":null,\"targetId\":null,\"outcome\":\"SUCCESS\",\"sourceAddress\":null,\"traceId\":null,"
                        + "\"details\":null}");
    }

    @Test
    void theHashIsSm3OfThePreviousHashANewlineAndTheContentInLowercaseHex() {
        assertThat(sm3("abc"))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"); // GB/T 32905 A.1
        assertThat(AuditHashing.hash(EVENT)).isEqualTo(sm3(EVENT.prevHash() + "\n" + AuditHashing.content(EVENT)));
        assertThat(EVENT.sealed().hash()).isEqualTo(AuditHashing.hash(EVENT));
    }

    @Test
    void theHashIgnoresIdAndHashButCoversEveryOtherField() {
        AuditEvent otherId = new AuditEvent(
                8,
                EVENT.occurredAt(),
                42L,
                "CITY_ADMIN",
                "city",
                "account.disable",
                "account",
                "7",
                "SUCCESS",
                "10.0.0.8",
                "4bf92f35",
                EVENT.details(),
                EVENT.prevHash(),
                "x");
        AuditEvent otherOutcome = new AuditEvent(
                7,
                EVENT.occurredAt(),
                42L,
                "CITY_ADMIN",
                "city",
                "account.disable",
                "account",
                "7",
                "FAILURE",
                "10.0.0.8",
                "4bf92f35",
                EVENT.details(),
                EVENT.prevHash(),
                "ignored");
        AuditEvent otherMicrosecond = new AuditEvent(
                7,
                EVENT.occurredAt().plusNanos(1000),
                42L,
                "CITY_ADMIN",
                "city",
                "account.disable",
                "account",
                "7",
                "SUCCESS",
                "10.0.0.8",
                "4bf92f35",
                EVENT.details(),
                EVENT.prevHash(),
                "");

        assertThat(AuditHashing.hash(otherId)).isEqualTo(AuditHashing.hash(EVENT));
        assertThat(AuditHashing.hash(otherOutcome)).isNotEqualTo(AuditHashing.hash(EVENT));
        assertThat(AuditHashing.hash(otherMicrosecond)).isNotEqualTo(AuditHashing.hash(EVENT));
    }

    @Test
    void detailsAreStoredWithSortedKeysAndEscapedControlCharacters() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("zeta", "1");
        details.put("alpha", "line\nbreak\t\"quoted\" \\ \u0001");
        assertThat(AuditHashing.canonicalDetails(details))
                .isEqualTo("{\"alpha\":\"line\\nbreak\\t\\\"quoted\\\" \\\\ \\u0001\",\"zeta\":\"1\"}");
        assertThat(AuditHashing.canonicalDetails(Map.of())).isNull();
    }

    @Test
    void timesAreKeptToTheMicrosecondTheColumnStores() {
        assertThat(AuditHashing.storable(Instant.parse("2026-11-21T02:30:00.123456789Z")))
                .isEqualTo(Instant.parse("2026-11-21T02:30:00.123456Z"));
    }

    @Test
    void theTripwireCatchesIdNumbersAndMobileNumbersAnywhereInAValue() {
        for (String value : new String[] {
            "110101199003077718",
            "11010119900307771X",
            "11010119900307771x",
            "buyer 110101199003077718 at counter",
            "110101900307771",
            "13812345678",
            "tel:19912345678;"
        }) {
            assertThatThrownBy(() -> PersonalDataTripwire.check("detail 'x'", value))
                    .as(value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(value);
        }
    }

    @Test
    void theTripwireLetsBarcodesTraceabilityCodesAndOrdinaryKeysThrough() {
        for (String value : new String[] {
            "6901028075831",
            "81234561234567890123",
            "12345678901",
            "1381234567",
            "981",
            "reg-123456789",
            "2026-11-21T02:30:00Z",
            "420106",
            "1381234567890123",
            // a blind index that happens to hold a mobile-shaped digit run: a search by buyer records it
            "a9f0c3e1" + "13812345678" + "e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c"
        }) {
            assertThatCode(() -> PersonalDataTripwire.check("detail 'x'", value))
                    .as(value)
                    .doesNotThrowAnyException();
        }
    }

    private static String sm3(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        SM3Digest digest = new SM3Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
