package com.cogov.api.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.LongSupplier;

/**
 * The idempotency piece (docs/platform.md): a write sent again with the same {@code Idempotency-Key} (a phone that
 * lost the answer, a user who tapped twice) answers what the first one created instead of creating it twice.
 * <p>
 * Usage, inside the write's transaction:
 * <pre>{@code
 * IdempotentRequest request = idempotency.request("inspection", String.valueOf(actor.accountId()), key, body);
 * Idempotency.Outcome outcome = idempotency.once(request, () -> inspections.insert(...));
 * return views.inspection(outcome.resultId()); // the first answer, whether or not this call created it
 * }</pre>
 * The counter's sales keep their own table, written in the group commit's batches (docs/counter-flow.md); they share
 * the key format ({@link IdempotentRequest#require}).
 */
@Singleton
public class Idempotency {

    /** What the key stands for, and whether this call is a retry that created nothing. */
    public record Outcome(long resultId, boolean replayed) {}

    private final IdempotencyRecords records;
    private final JsonMapper json;

    Idempotency(IdempotencyRecords records, JsonMapper json) {
        this.records = records;
        this.json = json;
    }

    /** The request's key, refused with a 400 when missing or malformed, and its body's hash. */
    public IdempotentRequest request(String scope, String owner, @Nullable String key, Object body) {
        try {
            return IdempotentRequest.of(scope, owner, key, json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code create} once per key, in the caller's transaction, and answers the id it created. A concurrent
     * request with the same key waits on the key's row until the first commits, then answers its id; if the first
     * rolled back, the key is free and the waiting one creates. The same key with another body is refused (422).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome once(IdempotentRequest request, LongSupplier create) {
        if (!records.claim(request)) {
            return new Outcome(records.earlierResult(request), true);
        }
        long id = create.getAsLong();
        records.answer(request, id);
        return new Outcome(id, false);
    }
}
