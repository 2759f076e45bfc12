package com.cogov.api.export;

import com.cogov.api.privacy.PrivacyService;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * An export's filter as the job row keeps it: sealed (SM4), because a filter may name a person (a buyer's document
 * number, found through the blind index) and the job table is no place for personal data in plain text.
 */
@Singleton
class SealedFilter {

    private final PrivacyService privacy;
    private final JsonMapper json;

    SealedFilter(PrivacyService privacy, JsonMapper json) {
        this.privacy = privacy;
        this.json = json;
    }

    String seal(Map<String, String> filter) {
        try {
            return privacy.seal(json.writeValueAsString(filter));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> open(String sealed) {
        try {
            return json.readValue(privacy.open(sealed), Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
