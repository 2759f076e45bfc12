package com.cogov.api.registration;

import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.DailySummary;
import com.cogov.contracts.registration.RegistrationBatch;
import com.cogov.contracts.registration.RegistrationDetail;
import com.cogov.contracts.registration.RegistrationItemRecord;
import com.cogov.contracts.registration.RegistrationRecord;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.contracts.registration.RegistrationResult;
import com.cogov.contracts.registration.RegistrationView;
import com.cogov.contracts.registration.UnmaskedBuyer;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The registration feature's entry: a clerk registers each sale of a special compound preparation with the buyer's
 * identity; the rules of docs/domain-rules.md §1 are checked; an accepted sale is never lost or doubled (idempotency
 * keys, one transaction with its outbox record) and never edited (a void is a new record). Only counter staff of a
 * pharmacy come in; each use case is a package-private class behind this one.
 */
@Singleton
public class RegistrationService {

    private final SaleIntake intake;
    private final SaleVoiding voiding;
    private final RegistrationQueries queries;
    private final RecordDesk desk;

    RegistrationService(SaleIntake intake, SaleVoiding voiding, RegistrationQueries queries, RecordDesk desk) {
        this.intake = intake;
        this.voiding = voiding;
        this.queries = queries;
        this.desk = desk;
    }

    /**
     * Registers one sale. The same key and body again answers the same result, also when the two arrive together
     * (the second waits for the first's commit); the same key with another body is refused (422). The key is used
     * only by a sale that was accepted: after a refusal or a failure, a corrected retry may use it again.
     * <p>
     * The sale is checked on the calling thread (a refusal is thrown from here); the answer completes once the sale
     * is committed and counted in the buyer's velocity ({@link GroupCommit} does both), without holding the caller.
     */
    public CompletableFuture<RegistrationResult> registerAsync(
            Actor clerk, @Nullable String idempotencyKey, RegistrationRequest request) {
        requireCounter(clerk);
        return intake.registerAsync(clerk, idempotencyKey, request);
    }

    /** {@link #registerAsync}, waiting for the answer: for the offline batch, whose sales are answered in order. */
    public RegistrationResult register(Actor clerk, @Nullable String idempotencyKey, RegistrationRequest request) {
        requireCounter(clerk);
        return intake.register(clerk, idempotencyKey, request);
    }

    /** Up to 50 registrations queued offline, each with its own key, each answered as it would be alone. */
    public RegistrationBatch.Result registerBatch(Actor clerk, RegistrationBatch.Request batch) {
        requireCounter(clerk);
        return intake.registerBatch(clerk, batch);
    }

    /**
     * Voids a registration of the caller's pharmacy within the void window: a new record, the sale stays on file.
     *
     * @param number the registration's public number
     */
    public RegistrationView voidRegistration(Actor clerk, String number, String reason) {
        requireCounter(clerk);
        return voiding.voidRegistration(clerk, number, reason);
    }

    /** Search filters of the pharmacy's own records; all optional. */
    public record Query(
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable Long drugId,
            @Nullable String category,
            @Nullable Long clerkId,
            @Nullable DocumentType documentType,
            @Nullable String documentNumber,
            PageRequest page) {}

    /** The pharmacy's own registrations, newest first, masked, in cursor pages. A search by buyer is audited. */
    public Page<RegistrationView> list(Actor clerk, Query q) {
        requireCounter(clerk);
        return queries.list(clerk, q);
    }

    /**
     * One registration of the caller's pharmacy, by its public number; another pharmacy's is not found. The read is
     * audited (under the internal id, as every other entry about the registration).
     */
    public RegistrationView get(Actor clerk, String number) {
        requireCounter(clerk);
        return queries.get(clerk, number);
    }

    /** Counts and packages by drug for one day (the city's time) of the caller's pharmacy; voided sales not counted. */
    public DailySummary daySummary(Actor clerk, LocalDate day) {
        requireCounter(clerk);
        return queries.daySummary(clerk, day);
    }

    /**
     * The city's sales for a regulator (上报登记查询), newest first, masked, in cursor pages: the city administrator
     * the whole city, a district inspector their district. A search by a buyer's document number needs a reason and
     * is audited.
     *
     * @param filter the query's parameters by name ({@link RecordFilter#NAMES}), parsed as an export of them is
     */
    public Page<RegistrationRecord> records(Actor regulator, Map<String, String> filter, PageRequest page) {
        return desk.sales(regulator, filter, page);
    }

    /** The city's items sold for a regulator (购药明细查询): {@link #records}, one row per item. */
    public Page<RegistrationItemRecord> itemRecords(Actor regulator, Map<String, String> filter, PageRequest page) {
        return desk.items(regulator, filter, page);
    }

    /** One sale in full for a regulator, by its public number; a sale outside their district is not found. */
    public RegistrationDetail record(Actor regulator, String number) {
        return desk.detail(regulator, number);
    }

    /** A sale's buyer in full for a regulator, for a reason; audited as {@code privacy.unmask}. */
    public UnmaskedBuyer unmaskBuyer(Actor regulator, String number, String reason) {
        return desk.unmask(regulator, number, reason);
    }

    private static void requireCounter(Actor actor) {
        if ((actor.role() != Role.PHARMACY_CLERK && actor.role() != Role.PHARMACY_MANAGER)
                || actor.pharmacyId() == null) {
            throw new AccessDeniedException("只有药店店员和店长可以办理登记");
        }
    }
}
