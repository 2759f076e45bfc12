package com.cogov.api.registration;

import com.cogov.api.alert.AlertService;
import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.notify.Notifier;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.Digests;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.contracts.registration.RegistrationResult;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one transaction that accepts sales: each registration with its items and codes, the district's alerts for its
 * warnings, the outbox record for the data centre, the audit entry, and the idempotency record with the answer. All of
 * it commits, or none of it. {@link GroupCommit} hands it one sale, or several that arrived together.
 */
@Singleton
class RegistrationWriter {

    private final RegistrationStore store;
    private final IdempotencyRecords requests;
    private final RegistrationNumbers numbers;
    private final AuditService audit;
    private final JsonMapper json;
    private final Notifier notifier;

    RegistrationWriter(
            RegistrationStore store,
            IdempotencyRecords requests,
            RegistrationNumbers numbers,
            AuditService audit,
            JsonMapper json,
            Notifier notifier) {
        this.notifier = notifier;
        this.store = store;
        this.requests = requests;
        this.numbers = numbers;
        this.audit = audit;
        this.json = json;
    }

    /**
     * A sale the rules let through, with what is needed to answer it and to answer its retries, and what it adds to
     * the buyer's velocity counts once it has an id.
     */
    record Accepted(
            Actor clerk,
            String key,
            String requestHash,
            RegistrationStore.NewRegistration registration,
            List<Finding> warnings,
            List<Velocity.Counted> counted) {
        IdempotencyRecords.RequestKey requestKey() {
            return new IdempotencyRecords.RequestKey(registration.pharmacyId(), key);
        }
    }

    /**
     * Thrown (and so rolled back) when a request with one of the keys committed while these were being evaluated.
     * With one sale, that sale is a retry to be answered as the earlier one was.
     */
    static final class KeyAnsweredMeanwhile extends RuntimeException {
        KeyAnsweredMeanwhile() {
            super("an idempotency key was answered by a concurrent request", null, false, false);
        }
    }

    /** What became of one sale: written now, or its key already answered (a client's retry), to be answered so again. */
    sealed interface Outcome {}

    /** @param id the internal id, for what is keyed by it (velocity); the answer carries only the public number */
    record Written(long id, RegistrationResult result) implements Outcome {}

    record AnsweredBefore(IdempotencyRecords.Answered earlier) implements Outcome {}

    /**
     * The outcomes, in the order of the sales. The keys are looked up first, in one statement for the group (a retry
     * is evaluated like any sale, and only here found to be one); a key answered by a request still being written is
     * caught by the idempotency record's primary key ({@link KeyAnsweredMeanwhile}). Each written sale gets a public
     * number drawn now, so a call that failed on a number already taken ({@link RegistrationStore.NumberTaken}) draws
     * new ones when it is made again.
     */
    @Transactional
    List<Outcome> accept(List<Accepted> sales) {
        Map<IdempotencyRecords.RequestKey, IdempotencyRecords.Answered> answeredBefore = requests.answered(
                sales.stream().map(Accepted::requestKey).distinct().toList());
        List<Accepted> fresh = sales.stream()
                .filter(s -> !answeredBefore.containsKey(s.requestKey()))
                .toList();
        List<Written> written = fresh.isEmpty() ? List.of() : writeAll(fresh);
        List<Outcome> outcomes = new ArrayList<>(sales.size());
        int next = 0;
        for (Accepted sale : sales) {
            IdempotencyRecords.Answered earlier = answeredBefore.get(sale.requestKey());
            outcomes.add(earlier != null ? new AnsweredBefore(earlier) : written.get(next++));
        }
        return outcomes;
    }

    /** What identifies a request's body under its key: a retry sends the same. */
    String requestHash(RegistrationRequest request) {
        return Digests.sha256Hex(write(request));
    }

    /** The answer already given to this key, or empty when it is unused; a key used for another sale is refused. */
    Optional<RegistrationResult> answered(long pharmacyId, String key, String requestHash) {
        return requests.answered(pharmacyId, key).map(earlier -> replay(key, requestHash, earlier));
    }

    /**
     * The answer given before to a retry of a sale, if it is one: the same key with another body is refused, since
     * the key belongs to the sale it was first used for.
     */
    RegistrationResult replay(String key, String requestHash, IdempotencyRecords.Answered earlier) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw RegistrationException.of(
                    ErrorCode.IDEMPOTENCY_KEY_REUSED, "幂等键 " + key + " 已用于内容不同的另一笔登记；新的登记请使用新的幂等键");
        }
        try {
            return json.readValue(earlier.response(), RegistrationResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Written> writeAll(List<Accepted> sales) {
        List<String> drawn = sales.stream()
                .map(s -> numbers.next(s.registration().recordedAt()))
                .toList();
        long[] ids = store.insert(sales.stream().map(Accepted::registration).toList(), drawn);
        List<RegistrationStore.NewAlert> alerts = new ArrayList<>();
        List<RegistrationStore.OutboxEvent> outbox = new ArrayList<>(sales.size());
        List<IdempotencyRecords.Answer> answers = new ArrayList<>(sales.size());
        List<AuditService.Event> events = new ArrayList<>(sales.size());
        List<Written> results = new ArrayList<>(sales.size());
        for (int k = 0; k < ids.length; k++) {
            Accepted sale = sales.get(k);
            RegistrationStore.NewRegistration r = sale.registration();
            long id = ids[k];
            String number = drawn.get(k);
            sale.warnings()
                    .forEach(f -> alerts.add(
                            new RegistrationStore.NewAlert(r.districtCode(), r.pharmacyId(), id, r.buyer(), f)));
            outbox.add(new RegistrationStore.OutboxEvent(
                    "registration", id, 1, "REGISTERED", write(outboxPayload(id, number, r))));
            RegistrationResult result = new RegistrationResult(
                    number,
                    sale.warnings().stream()
                            .map(f -> new RegistrationResult.Warning(f.code(), f.message()))
                            .toList());
            answers.add(
                    new IdempotencyRecords.Answer(r.pharmacyId(), sale.key(), sale.requestHash(), id, write(result)));
            events.add(new AuditService.Event(
                    sale.clerk(),
                    "registration.create",
                    "registration",
                    String.valueOf(id),
                    AuditOutcome.SUCCESS,
                    Map.of("items", String.valueOf(r.items().size()), "warnings", r.warnings())));
            results.add(new Written(id, result));
        }
        store.alerts(alerts);
        store.outbox(outbox);
        if (!requests.recordAnswers(answers)) {
            throw new KeyAnsweredMeanwhile();
        }
        audit.recordAll(events);
        return results;
    }

    /**
     * A refused sale's alerts, each block told to the district's inspectors (once: the notice is keyed by the alert),
     * in one transaction: the notice is written with the alert or not at all.
     */
    @Transactional
    void refused(List<RegistrationStore.NewAlert> alerts) {
        for (RegistrationStore.Raised raised : store.alerts(alerts)) {
            if (Finding.Severity.BLOCK.name().equals(raised.alert().severity())) {
                notifier.toDistrictInspectors(
                        raised.alert().districtCode(),
                        AlertService.notice(raised.id(), raised.alert().rule()));
            }
        }
    }

    @Transactional
    void voidSale(Actor clerk, StoredRegistration row, String reason, String redactedReason) {
        if (!store.insertVoid(row.id(), clerk.accountId(), reason)) {
            throw RegistrationException.of(ErrorCode.ALREADY_VOIDED, "该登记已作废，无需重复操作");
        }
        store.outbox(List.of(new RegistrationStore.OutboxEvent(
                "registration",
                row.id(),
                2,
                "VOIDED",
                write(Map.of(
                        "id",
                        row.id(),
                        "number",
                        row.number(),
                        "voidedBy",
                        clerk.accountId(),
                        "reason",
                        redactedReason)))));
        audit.record(
                clerk,
                "registration.void",
                "registration",
                String.valueOf(row.id()),
                AuditOutcome.SUCCESS,
                Map.of("reason", redactedReason));
    }

    /** Personal fields stay sealed: the data-centre uploader re-encrypts them under the bureau's key. */
    private static Map<String, Object> outboxPayload(long id, String number, RegistrationStore.NewRegistration r) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("number", number);
        payload.put("pharmacyId", r.pharmacyId());
        payload.put("districtCode", r.districtCode());
        payload.put("clerkId", r.clerkId());
        payload.put("soldAt", r.soldAt().toString());
        payload.put("recordedAt", r.recordedAt().toString());
        payload.put(
                "buyer",
                Map.of(
                        "documentType",
                        r.buyer().documentType().name(),
                        "numberSealed",
                        r.buyer().numberSealed(),
                        "numberIndex",
                        r.buyer().numberIndex(),
                        "nameSealed",
                        r.buyer().nameSealed()));
        payload.put(
                "items",
                r.items().stream()
                        .map(i -> Map.of(
                                "drugId",
                                i.drugId(),
                                "category",
                                i.category(),
                                "quantity",
                                i.quantity(),
                                "batchNumber",
                                i.batchNumber(),
                                "traceCodes",
                                i.traceCodes()))
                        .toList());
        payload.put("warnings", r.warnings());
        return payload;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
