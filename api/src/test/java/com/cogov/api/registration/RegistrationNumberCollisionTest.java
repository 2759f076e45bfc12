package com.cogov.api.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.buyer.TestPersonalData;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.contracts.registration.RegistrationResult;
import com.cogov.infra.dev.DevServicesTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A public number drawn at random can be one already taken: the sale is written with another, never refused. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationNumberCollisionTest implements DevServicesTest {

    private static final String SPEC = "RegistrationNumberCollisionTest";

    /** Draws the numbers queued by the test first, then random ones. */
    @Singleton
    @Replaces(RegistrationNumbers.class)
    @Requires(property = "spec.name", value = SPEC)
    static class Forced extends RegistrationNumbers {
        final Queue<String> queued = new ConcurrentLinkedQueue<>();

        Forced(CityConfiguration city) {
            super(city);
        }

        @Override
        String next(Instant recordedAt) {
            String forced = queued.poll();
            return forced != null ? forced : super.next(recordedAt);
        }
    }

    @Inject
    RegistrationService registrations;

    @Inject
    RegistrationNumbers numbers;

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put("spec.name", SPEC);
        return properties;
    }

    @Test
    void aSaleWhoseNumberIsTakenIsWrittenWithAFreshOneAndNothingIsDoubled() throws Exception {
        Actor clerk = clerkOfPharmacyOne();
        RegistrationResult first =
                registrations.register(clerk, UUID.randomUUID().toString(), sale());
        double redrawnBefore = meters.get("cogov.registration.commit.numbers-redrawn")
                .counter()
                .count();

        // the next sale draws the first one's number twice in a row
        Forced forced = (Forced) numbers;
        forced.queued.addAll(List.of(first.number(), first.number()));
        RegistrationResult second =
                registrations.register(clerk, UUID.randomUUID().toString(), sale());

        assertThat(forced.queued).as("both taken draws were used").isEmpty();
        assertThat(second.number()).isNotEqualTo(first.number()).matches("DJ\\d{18}");
        assertThat(RegistrationNumbers.isWellFormed(second.number())).isTrue();
        assertThat(meters.get("cogov.registration.commit.numbers-redrawn")
                                .counter()
                                .count()
                        - redrawnBefore)
                .isEqualTo(2);
        try (Connection c = devServices().openConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM registration WHERE number = ?", first.number()))
                    .isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM registration WHERE number = ?", second.number()))
                    .isEqualTo(1);
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM outbox o JOIN registration r ON o.aggregate_type = 'registration'"
                                    + " AND o.aggregate_id = r.id WHERE r.number = ?",
                            second.number()))
                    .as("one outbox record")
                    .isEqualTo(1);
            assertThat(count(
                            c,
                            "SELECT COUNT(*) FROM registration_request q JOIN registration r ON q.registration_id = r.id"
                                    + " WHERE r.number = ?",
                            second.number()))
                    .as("one idempotency record")
                    .isEqualTo(1);
        }
    }

    private Actor clerkOfPharmacyOne() throws Exception {
        try (Connection c = devServices().openConnection()) {
            long account = count(c, "SELECT id FROM account WHERE wechat_openid = ?", "demo-clerk");
            return new Actor(account, Role.PHARMACY_CLERK, 1L, "420106", null, "127.0.0.1", null);
        }
    }

    private static RegistrationRequest sale() {
        return new RegistrationRequest(
                new RegistrationRequest.Buyer(
                        null,
                        DocumentType.RESIDENT_ID,
                        TestPersonalData.residentId(LocalDate.now().minusYears(40)),
                        TestPersonalData.COUNTER_BUYER_NAME),
                List.of(new RegistrationRequest.Item(null, 1L, 1, "B20261", null, null)),
                null,
                OffsetDateTime.now(ZoneOffset.ofHours(8)));
    }

    private static long count(Connection c, String sql, String parameter) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }
}
