package com.cogov.bff;

import static com.cogov.bff.Counter.EPHEDRINE;
import static com.cogov.bff.Counter.adultId;
import static com.cogov.bff.Counter.item;
import static com.cogov.bff.Counter.post;
import static com.cogov.bff.Counter.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.contracts.registration.RegistrationResult;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A retry whose key another node is writing and never commits: the clerk is told to try again within the configured
 * lock wait (here 2 s), not after InnoDB's default 50 s, and the retry then goes through. Its own class, because the
 * short lock wait it proves would cut short the other tests' deliberate waits on a held key (RegistrationTest).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryStuckBehindAWriteTest implements DevServicesTest {

    private static final long PHARMACY = 7;

    @Inject
    @Client("/")
    HttpClient client;

    Counter counter;
    Tokens clerk;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put("cogov.database.lock-wait-timeout", "2s");
        return properties;
    }

    @BeforeAll
    void signIn() {
        counter = new Counter(client, devServices());
        clerk = counter.clerkOf(PHARMACY);
    }

    @Test
    void aRetryStuckBehindAWriteThatNeverCommitsIsToldToRetryAndThenGoesThrough() throws Exception {
        RegistrationRequest sale = sale(adultId(), item(EPHEDRINE, 1));
        RegistrationResult other = counter.register(clerk, sale(adultId(), item(EPHEDRINE, 1)));
        long salesBefore = salesOfThePharmacy();
        String key = UUID.randomUUID().toString();
        try (Connection stuck = counter.answerInFlight(key, other)) {
            long started = System.nanoTime();
            HttpClientResponseException busy = catchThrowableOfType(
                    HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(post(clerk, key, sale), String.class));
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("bounded by the lock wait, not InnoDB's 50 s")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(busy.getStatus().getCode()).isEqualTo(503);
            assertThat(busy.getResponse().getHeaders().get("Retry-After")).isEqualTo("1");
            assertThat(busy.getResponse().getBody(Problem.class).orElseThrow().code())
                    .isEqualTo("SERVICE_UNAVAILABLE");
            stuck.rollback(); // the other write failed after all
        }
        assertThat(salesOfThePharmacy()).as("the stuck attempt wrote nothing").isEqualTo(salesBefore);
        assertThat(client.toBlocking()
                        .exchange(post(clerk, key, sale), RegistrationResult.class)
                        .getStatus()
                        .getCode())
                .isEqualTo(201);
        assertThat(salesOfThePharmacy()).as("the retry wrote its sale once").isEqualTo(salesBefore + 1);
    }

    private long salesOfThePharmacy() throws Exception {
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM registration WHERE pharmacy_id = " + PHARMACY)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
