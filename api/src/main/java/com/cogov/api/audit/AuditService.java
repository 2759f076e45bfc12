package com.cogov.api.audit;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.Pages;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.audit.AuditEventView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The audit feature's entry: the trail of every write, sign-in and sign-in failure, permission denial, unmask and read
 * of a buyer's personal data (docs/domain-rules.md §7, 等保 2.0 level 3 security audit).
 * <p>
 * The trail is append-only and tamper-evident. Each row carries the SM3 hash of its content linked to the previous
 * row's hash ({@link AuditHashing} spells the format out), and database triggers refuse UPDATE and DELETE. An entry
 * is staged in the transaction of the write it describes and chained within a moment by {@link AuditChainer}, in
 * batches serialised on one head row so the chain stays linear across app nodes (see {@link AuditAppender}). There is
 * no way to change or delete an entry through this class, and there never will be: a correction is a new entry.
 * <p>
 * Retention: nothing deletes entries, ever. Keeping everything satisfies the ≥ 6 months (180 days) of 网络安全法
 * Art. 21; archiving old entries, if it is ever needed, must move whole verified stretches of the chain, not rows.
 * <p>
 * Entries hold keys, never plaintext personal values: {@link #record} refuses anything shaped like an ID number or a
 * mobile number as a last line of defence.
 */
@Singleton
public class AuditService {

    // account.login, account.login.failed, privacy.unmask, registration.read-personal, ...
    private static final Pattern ACTION = Pattern.compile("^[a-z]+(\\.[a-z-]+)+$");
    private static final Pattern TARGET_TYPE = Pattern.compile("^[a-z][a-z-]{0,31}$");
    private static final Pattern DETAIL_KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{0,63}$");
    private static final int MAX_DETAILS_BYTES = 65_535; // TEXT

    private final AuditAppender appender;
    private final AuditChainVerifier verifier;
    private final AuditSearch search;
    private final JsonMapper json;

    AuditService(AuditAppender appender, AuditChainVerifier verifier, AuditSearch search, JsonMapper json) {
        this.appender = appender;
        this.verifier = verifier;
        this.search = search;
        this.json = json;
    }

    /**
     * Records one event. It joins the caller's transaction, so the entry commits or rolls back with the business
     * write it describes; without one it commits on its own. It is chained shortly after the commit; {@link #flush}
     * chains everything committed so far at once. An event whose cause makes the caller's transaction roll back (a
     * permission denial, a failed sign-in) must be recorded outside that transaction, or it is rolled back too.
     *
     * @param action     dotted lowercase, e.g. {@code account.login.failed}
     * @param targetType kind of object acted on, e.g. {@code account}, {@code registration}; needed with a target id
     * @param targetId   its key, never a personal value
     * @param details    further facts as short strings (a reason, a count); never personal values
     * @throws IllegalArgumentException a programming error: a malformed action, a value too long for its column, or
     *                                  something that looks like an ID number or a mobile number
     */
    @Transactional(propagation = TransactionDefinition.Propagation.SUPPORTS)
    public void record(
            Actor actor,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            AuditOutcome outcome,
            Map<String, String> details) {
        recordAll(List.of(new Event(actor, action, targetType, targetId, outcome, details)));
    }

    /** One event for {@link #recordAll}; the fields are those of {@link #record}. */
    public record Event(
            Actor actor,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            AuditOutcome outcome,
            Map<String, String> details) {}

    /**
     * Records several events as {@link #record} does each, in one statement: a write that covers many objects at once
     * (a group of sales committed together) pays for one round trip, not one per event. All are checked before any is
     * written.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.SUPPORTS)
    public void recordAll(List<Event> events) {
        List<AuditAppender.Entry> entries = new java.util.ArrayList<>(events.size());
        for (Event e : events) {
            entries.add(new AuditAppender.Entry(
                    e.actor(), e.action(), e.targetType(), e.targetId(), e.outcome(), checked(e)));
        }
        appender.stage(entries);
    }

    /** The event's details in canonical form, once everything about it is known to be storable. */
    @Nullable
    private static String checked(Event e) {
        Actor actor = Objects.requireNonNull(e.actor(), "actor");
        Objects.requireNonNull(e.outcome(), "outcome");
        Map<String, String> details = Objects.requireNonNull(e.details(), "details");
        String action = e.action();
        String targetType = e.targetType();
        String targetId = e.targetId();
        if (action == null || action.length() > 64 || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException(
                    "audit action must be dotted lowercase like account.login, was " + action);
        }
        if (targetType != null && !TARGET_TYPE.matcher(targetType).matches()) {
            throw new IllegalArgumentException("audit target type must be lowercase like account, was " + targetType);
        }
        if (targetId != null && (targetType == null || targetId.length() > 64)) {
            throw new IllegalArgumentException("audit target id needs a target type and at most 64 characters");
        }
        if (actor.scope().length() > 64) {
            throw new IllegalArgumentException("actor scope is longer than 64 characters");
        }
        PersonalDataTripwire.check("target id", targetId);
        details.forEach((key, value) -> {
            if (key == null || !DETAIL_KEY.matcher(key).matches() || value == null) {
                throw new IllegalArgumentException("audit detail keys are short names and values are not null: " + key);
            }
            PersonalDataTripwire.check("detail '" + key + "'", value);
        });
        String canonicalDetails = AuditHashing.canonicalDetails(details);
        if (canonicalDetails != null && canonicalDetails.getBytes(StandardCharsets.UTF_8).length > MAX_DETAILS_BYTES) {
            throw new IllegalArgumentException("audit details exceed " + MAX_DETAILS_BYTES + " bytes");
        }
        return canonicalDetails;
    }

    /**
     * Chains every entry committed so far, so that a reader of {@code audit_event} (the search, the verification, a
     * report) sees the trail up to this moment. {@link AuditChainer} does the same in the background.
     *
     * @return how many entries were chained
     */
    public int flush() {
        int total = 0;
        int chained;
        do {
            chained = appender.chainBatch();
            total += chained;
        } while (chained == AuditAppender.BATCH);
        return total;
    }

    /** {@link #verify(Actor)} on behalf of the platform itself. */
    public AuditVerification verify() {
        return verify(Actor.system(null));
    }

    /**
     * Walks the whole chain in id order, recomputing every hash and checking every link, the id continuity (a removed
     * row shows as a gap) and that the head is the last row. Then records its own outcome as {@code audit.verify}
     * (FAILURE when the chain is broken), so the trail shows when it was last checked and by whom.
     */
    public AuditVerification verify(Actor requestedBy) {
        flush();
        AuditVerification result = verifier.walk();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("checked", Long.toString(result.checked()));
        if (!result.intact()) {
            if (result.firstBrokenId() != null) {
                details.put("firstBrokenId", result.firstBrokenId().toString());
            }
            details.put("problem", result.problem());
        }
        record(
                requestedBy,
                "audit.verify",
                null,
                null,
                result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                details);
        return result;
    }

    /** The admin search: optional filters, newest first, up to the moment of the search. */
    public Page<AuditEventView> search(AuditQuery query) {
        flush();
        return Pages.of(
                search.find(query), query.page(), event -> new Cursor(event.occurredAt(), event.id()), this::view);
    }

    private AuditEventView view(AuditEvent event) {
        return new AuditEventView(
                event.id(),
                event.occurredAt(),
                event.actorAccountId(),
                event.actorRole(),
                event.actorScope(),
                event.action(),
                event.targetType(),
                event.targetId(),
                event.outcome(),
                event.sourceAddress(),
                event.traceId(),
                details(event.details()));
    }

    private Map<String, String> details(@Nullable String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return json.readValue(stored, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new UncheckedIOException("audit details are not the JSON the service wrote", e);
        }
    }
}
