package com.cogov.api.audit;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * How a row of the trail is sealed, spelled out so that an auditor can recompute it outside the platform:
 * {@code hash = lowercase hex of SM3(UTF-8 bytes of prev_hash + "\n" + content)}, where {@code content} is this JSON
 * object, keys in exactly this order, no whitespace, absent values as {@code null}:
 * <pre>
 * {"occurredAt":"2026-11-21T02:30:00.000000Z","actorAccountId":42,"actorRole":"CITY_ADMIN","actorScope":"city",
 *  "action":"account.disable","targetType":"account","targetId":"7","outcome":"SUCCESS","sourceAddress":"10.0.0.8",
 *  "traceId":"4bf92f35","details":"{\"reason\":\"left the bureau\"}"}
 * </pre>
 * {@code occurredAt} is UTC with exactly six fraction digits (what TIMESTAMP(6) stores); {@code details} is the stored
 * text itself. Strings escape {@code "}, {@code \} and control characters only, so the stored text determines the
 * content. The row's id and hash are not part of it: the chain order and the id continuity check cover the id.
 */
final class AuditHashing {

    /** The previous hash of the very first row. */
    static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter OCCURRED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditHashing() {}

    /** The precision the column keeps: hashing a finer instant would not verify once read back. */
    static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The hash of the row's content linked to its {@code prev_hash}; the row's own id and hash are ignored. */
    static String hash(AuditEvent event) {
        byte[] input = (event.prevHash() + "\n" + content(event)).getBytes(StandardCharsets.UTF_8);
        SM3Digest sm3 = new SM3Digest();
        sm3.update(input, 0, input.length);
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        return HexFormat.of().formatHex(digest);
    }

    static String content(AuditEvent event) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "occurredAt", OCCURRED_AT.format(event.occurredAt())).append(',');
        json.append("\"actorAccountId\":")
                .append(event.actorAccountId() == null ? "null" : event.actorAccountId())
                .append(',');
        field(json, "actorRole", event.actorRole()).append(',');
        field(json, "actorScope", event.actorScope()).append(',');
        field(json, "action", event.action()).append(',');
        field(json, "targetType", event.targetType()).append(',');
        field(json, "targetId", event.targetId()).append(',');
        field(json, "outcome", event.outcome()).append(',');
        field(json, "sourceAddress", event.sourceAddress()).append(',');
        field(json, "traceId", event.traceId()).append(',');
        field(json, "details", event.details());
        return json.append('}').toString();
    }

    /** Details as stored: a JSON object of strings with sorted keys, or null when there are none. */
    @Nullable
    static String canonicalDetails(Map<String, String> details) {
        if (details.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder().append('{');
        new TreeMap<>(details).forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, key).append(':');
            string(json, value);
        });
        return json.append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name, @Nullable String value) {
        json.append('"').append(name).append("\":");
        return value == null ? json.append("null") : string(json, value);
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
