package com.cogov.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The idempotency piece on the real database: a write retried with its key creates once and answers the first id. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyTest implements DevServicesTest {

    @Inject
    Idempotency idempotency;

    @Inject
    TransactionOperations<Connection> transactions;

    private final AtomicLong created = new AtomicLong(1000);

    private Idempotency.Outcome write(String owner, String key, Object body) {
        return transactions.executeWrite(
                status -> idempotency.once(idempotency.request("test", owner, key, body), created::incrementAndGet));
    }

    @Test
    void aRetryAnswersTheFirstIdAndAnotherKeyCreatesAgain() {
        String owner = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();

        Idempotency.Outcome first = write(owner, key, Map.of("facts", "a"));
        Idempotency.Outcome retry = write(owner, key.toUpperCase(), Map.of("facts", "a"));
        Idempotency.Outcome other = write(owner, UUID.randomUUID().toString(), Map.of("facts", "a"));
        Idempotency.Outcome otherOwner = write(UUID.randomUUID().toString(), key, Map.of("facts", "a"));

        assertThat(first.replayed()).isFalse();
        assertThat(retry).isEqualTo(new Idempotency.Outcome(first.resultId(), true));
        assertThat(other.resultId()).isNotEqualTo(first.resultId());
        assertThat(otherOwner.resultId()).isNotIn(first.resultId(), other.resultId());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String owner = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        write(owner, key, Map.of("facts", "a"));

        assertThatThrownBy(() -> write(owner, key, Map.of("facts", "b")))
                .isInstanceOfSatisfying(
                        CogovException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void aMissingOrMalformedKeyIsRefusedBeforeAnythingIsWritten() {
        for (String bad : new String[] {null, " ", "short", "has space in it", "x".repeat(65)}) {
            assertThatThrownBy(() -> idempotency.request("test", "owner", bad, Map.of()))
                    .isInstanceOfSatisfying(
                            CogovException.class,
                            e -> assertThat(e.code())
                                    .isIn(ErrorCode.IDEMPOTENCY_KEY_REQUIRED, ErrorCode.VALIDATION_FAILED));
        }
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOnce() throws Exception {
        String owner = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Idempotency.Outcome>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < requests; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return write(owner, key, Map.of("facts", "same"));
                }));
            }
            start.countDown();
            List<Idempotency.Outcome> answers = new java.util.ArrayList<>();
            for (Future<Idempotency.Outcome> f : outcomes) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers)
                    .extracting(Idempotency.Outcome::resultId)
                    .containsOnly(answers.get(0).resultId());
            assertThat(answers).filteredOn(o -> !o.replayed()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyWhoseWriteRolledBackIsFreeAgain() {
        String owner = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> transactions.executeWrite(status ->
                        idempotency.once(idempotency.request("test", owner, key, Map.of("facts", "a")), () -> {
                            throw new IllegalStateException("the write failed");
                        })))
                .isInstanceOf(IllegalStateException.class);

        assertThat(write(owner, key, Map.of("facts", "a")).replayed()).isFalse();
    }
}
