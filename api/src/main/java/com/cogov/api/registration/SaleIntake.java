package com.cogov.api.registration;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.idempotency.IdempotentRequest;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.pharmacy.PharmacySummary;
import com.cogov.contracts.registration.RegistrationBatch;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.contracts.registration.RegistrationResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Registering sales: the idempotency key, the evaluation, a refusal recorded (the district's alerts and the audit), an
 * acceptance handed to {@link GroupCommit}, and a retry answered as it was before. See
 * {@link RegistrationService#registerAsync}.
 */
@Singleton
class SaleIntake {

    private final SaleEvaluation evaluation;
    private final GroupCommit commits;
    private final PharmacyService pharmacies;
    private final RegistrationWriter writer;
    private final AuditService audit;
    private final Validator validator;
    private final Clock clock;
    private final ExecutorService blocking;

    SaleIntake(
            SaleEvaluation evaluation,
            GroupCommit commits,
            PharmacyService pharmacies,
            RegistrationWriter writer,
            AuditService audit,
            Validator validator,
            Clock clock,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.evaluation = evaluation;
        this.commits = commits;
        this.pharmacies = pharmacies;
        this.writer = writer;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.blocking = blocking;
    }

    CompletableFuture<RegistrationResult> registerAsync(
            Actor signedIn, @Nullable String idempotencyKey, RegistrationRequest request) {
        String key = validKey(idempotencyKey);
        String hash = writer.requestHash(request);
        Actor clerk;
        try {
            clerk = atCounter(signedIn);
        } catch (CogovException refused) {
            return answeredBefore(signedIn, key, hash).orElseThrow(() -> refused);
        }
        return registerAt(clerk, key, hash, request);
    }

    /**
     * The clerk as of the pharmacy now: a suspended or closed pharmacy registers nothing (409 PHARMACY_SUSPENDED,
     * PHARMACY_CLOSED, even in the second before its staff's tokens are refused), and a sale is counted in the district
     * the pharmacy belongs to today, whatever district the clerk's token was issued with (a transfer since).
     */
    private Actor atCounter(Actor clerk) {
        if (clerk.pharmacyId() == null) {
            return clerk;
        }
        PharmacySummary pharmacy = pharmacies.requireOpen(clerk.pharmacyId());
        if (pharmacy.districtCode().equals(clerk.districtCode())) {
            return clerk;
        }
        return new Actor(
                clerk.accountId(),
                clerk.role(),
                clerk.pharmacyId(),
                pharmacy.districtCode(),
                clerk.enterpriseId(),
                clerk.sourceAddress(),
                clerk.traceId());
    }

    private CompletableFuture<RegistrationResult> registerAt(
            Actor clerk, String key, String hash, RegistrationRequest request) {
        Sale sale;
        try {
            sale = evaluation.evaluate(clerk, request);
        } catch (CogovException refused) {
            return answeredBefore(clerk, key, hash).orElseThrow(() -> refused);
        }
        List<Finding> findings = evaluation.findings(sale);
        List<Finding> blocks = findings.stream()
                .filter(f -> f.severity() == Finding.Severity.BLOCK)
                .toList();
        if (!blocks.isEmpty()) {
            Optional<CompletableFuture<RegistrationResult>> before = answeredBefore(clerk, key, hash);
            if (before.isPresent()) {
                return before.get();
            }
            refuse(clerk, sale, findings, blocks);
        }
        return commits.submit(new RegistrationWriter.Accepted(
                        clerk,
                        key,
                        hash,
                        newRegistration(clerk, sale, request, findings),
                        findings,
                        sale.counted(clerk.pharmacyId())))
                .exceptionallyCompose(failure -> {
                    if (cause(failure) instanceof RegistrationWriter.KeyAnsweredMeanwhile) {
                        // A retry of this sale committed while this one was evaluated: this one rolled back, and
                        // answers as that
                        // one did. Read on the blocking pool: the commit writer that failed it has other groups to
                        // write.
                        return CompletableFuture.supplyAsync(
                                () -> writer.answered(clerk.pharmacyId(), key, hash)
                                        .orElseThrow(),
                                blocking);
                    }
                    return CompletableFuture.failedFuture(cause(failure));
                });
    }

    /**
     * A sale about to be refused may be the retry of one accepted earlier, which counts against it now (velocity,
     * trace codes) or which it follows too late (the time window): it is answered as it was then.
     */
    private Optional<CompletableFuture<RegistrationResult>> answeredBefore(Actor clerk, String key, String hash) {
        return writer.answered(clerk.pharmacyId(), key, hash).map(CompletableFuture::completedFuture);
    }

    /** {@link #registerAsync}, waiting for the answer: for the offline batch, whose sales are answered in order. */
    RegistrationResult register(Actor clerk, @Nullable String idempotencyKey, RegistrationRequest request) {
        try {
            return registerAsync(clerk, idempotencyKey, request).join();
        } catch (CompletionException e) {
            if (cause(e) instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Up to 50 registrations queued offline, each with its own key, each answered as it would be alone. */
    RegistrationBatch.Result registerBatch(Actor clerk, RegistrationBatch.Request batch) {
        List<RegistrationBatch.Outcome> outcomes = new ArrayList<>();
        for (RegistrationBatch.Entry entry : batch.registrations()) {
            List<Problem.FieldError> invalid = validator.validate(entry.registration()).stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            if (!invalid.isEmpty()) {
                outcomes.add(new RegistrationBatch.Outcome(
                        entry.idempotencyKey(),
                        400,
                        null,
                        Problem.of(
                                ErrorCode.VALIDATION_FAILED,
                                "有 " + invalid.size() + " 处填写不符合要求",
                                invalid,
                                clerk.traceId())));
                continue;
            }
            try {
                outcomes.add(new RegistrationBatch.Outcome(
                        entry.idempotencyKey(),
                        201,
                        register(clerk, entry.idempotencyKey(), entry.registration()),
                        null));
            } catch (CogovException e) {
                outcomes.add(new RegistrationBatch.Outcome(
                        entry.idempotencyKey(),
                        e.code().status(),
                        null,
                        Problem.of(e.code(), e.getMessage(), e.fieldErrors(), clerk.traceId())));
            }
        }
        return new RegistrationBatch.Result(outcomes);
    }

    private void refuse(Actor clerk, Sale sale, List<Finding> findings, List<Finding> blocks) {
        writer.refused(findings.stream()
                .map(f ->
                        new RegistrationStore.NewAlert(clerk.districtCode(), clerk.pharmacyId(), null, sale.buyer(), f))
                .toList());
        audit.record(
                clerk,
                "registration.blocked",
                "pharmacy",
                String.valueOf(clerk.pharmacyId()),
                AuditOutcome.DENIED,
                Map.of("rules", blocks.stream().map(Finding::code).distinct().collect(Collectors.joining(","))));
        throw new RegistrationBlockedException(blocks);
    }

    private RegistrationStore.NewRegistration newRegistration(
            Actor clerk, Sale sale, RegistrationRequest request, List<Finding> findings) {
        List<RegistrationStore.NewItem> items = sale.lines().stream()
                .map(l -> new RegistrationStore.NewItem(
                        l.drug().id(),
                        l.category(),
                        l.quantity(),
                        l.batchNumber(),
                        l.prescribedQuantity(),
                        l.traceCodes()))
                .toList();
        RegistrationRequest.Prescription p = request.prescription();
        return new RegistrationStore.NewRegistration(
                clerk.pharmacyId(),
                clerk.districtCode(),
                clerk.accountId(),
                sale.soldAt(),
                clock.instant(),
                sale.buyer(),
                p == null ? null : p.number(),
                p == null ? null : p.prescriber(),
                p == null ? null : p.institution(),
                items,
                findings.stream().map(Finding::code).distinct().collect(Collectors.joining(",")));
    }

    private static String validKey(@Nullable String key) {
        return IdempotentRequest.require(key);
    }
}
