package com.cogov.api.registration;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.buyer.BuyerService;
import com.cogov.api.buyer.VerifiedBuyer;
import com.cogov.api.catalog.CatalogService;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CogovException;
import com.cogov.api.shared.Digests;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.registration.DailySummary;
import com.cogov.contracts.registration.RegistrationBatch;
import com.cogov.contracts.registration.RegistrationPage;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.contracts.registration.RegistrationResult;
import com.cogov.contracts.registration.RegistrationView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The registration feature's entry: a clerk registers each sale of a special compound preparation with the buyer's
 * identity; the rules of docs/domain-rules.md §1 are checked; an accepted sale is never lost or doubled (idempotency
 * keys, one transaction with its outbox record) and never edited (a void is a new record).
 */
@Singleton
public class RegistrationService {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    /** What a stored warning code means, for the record's later readers (the full sentence was in the 201 answer). */
    private static final Map<String, String> WARNING_LABELS = Map.of(
            "MINOR", "购买人未满18周岁",
            "VELOCITY_24H", "该购买人24小时内在全市购买过多",
            "VELOCITY_7D", "该购买人7天内在全市购买过多",
            "VELOCITY_PHARMACIES", "该购买人7天内在多家药店购买",
            "TRACE_CODE_RESOLD", "追溯码已在此前的销售中登记，疑似回流药品");
    private static final int MAX_PAGE_SIZE = 50;
    private static final int MAX_PAGE = 10_000;
    private static final Duration MAX_QUERY_SPAN = Duration.ofDays(92);
    /** One registration of a pharmacy by its public number: through uk_registration_number (RegistrationQueryPlanTest). */
    static final String BY_NUMBER = "FROM registration r LEFT JOIN registration_void v ON v.registration_id = r.id"
            + " WHERE r.number = ? AND r.pharmacy_id = ?";

    private final RegistrationStore store;
    private final RegistrationWriter writer;
    private final GroupCommit commits;
    private final Velocity velocity;
    private final List<SaleRule> rules;
    private final Policies policies;
    private final CatalogService catalog;
    private final BuyerService buyers;
    private final PrivacyService privacy;
    private final AuditService audit;
    private final RegistrationConfiguration config;
    private final JsonMapper json;
    private final jakarta.validation.Validator validator;
    private final Clock clock;
    private final ExecutorService blocking;

    RegistrationService(RegistrationStore store, RegistrationWriter writer, GroupCommit commits, Velocity velocity, List<SaleRule> rules,
                        Policies policies, CatalogService catalog, BuyerService buyers, PrivacyService privacy,
                        AuditService audit, RegistrationConfiguration config, JsonMapper json,
                        jakarta.validation.Validator validator, Clock clock, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.store = store;
        this.writer = writer;
        this.commits = commits;
        this.velocity = velocity;
        this.rules = rules;
        this.policies = policies;
        this.catalog = catalog;
        this.buyers = buyers;
        this.privacy = privacy;
        this.audit = audit;
        this.config = config;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
        this.blocking = blocking;
    }

    /**
     * Registers one sale. The same key and body again answers the same result, also when the two arrive together
     * (the second waits for the first's commit); the same key with another body is refused (422). The key is used
     * only by a sale that was accepted: after a refusal or a failure, a corrected retry may use it again.
     * <p>
     * The sale is checked on the calling thread (a refusal is thrown from here); the answer completes once the sale
     * is committed and counted in the buyer's velocity ({@link GroupCommit} does both), without holding the caller.
     */
    public CompletableFuture<RegistrationResult> registerAsync(Actor clerk, @Nullable String idempotencyKey, RegistrationRequest request) {
        requireCounter(clerk);
        String key = validKey(idempotencyKey);
        String hash = Digests.sha256Hex(write(request));
        Sale sale;
        try {
            sale = evaluate(clerk, request);
        } catch (CogovException refused) {
            return answeredBefore(clerk, key, hash).orElseThrow(() -> refused);
        }
        List<Finding> findings = rules.stream().flatMap(r -> r.check(sale, policies).stream()).toList();
        List<Finding> blocks = findings.stream().filter(f -> f.severity() == Finding.Severity.BLOCK).toList();
        if (!blocks.isEmpty()) {
            Optional<CompletableFuture<RegistrationResult>> before = answeredBefore(clerk, key, hash);
            if (before.isPresent()) {
                return before.get();
            }
            refuse(clerk, sale, findings, blocks);
        }
        return commits.submit(new RegistrationWriter.Accepted(clerk, key, hash, newRegistration(clerk, sale, request, findings),
                findings, sale.counted(clerk.pharmacyId()))).exceptionallyCompose(failure -> {
            if (cause(failure) instanceof RegistrationWriter.KeyAnsweredMeanwhile) {
                // A retry of this sale committed while this one was evaluated: this one rolled back, and answers as that
                // one did. Read on the blocking pool: the commit writer that failed it has other groups to write.
                return CompletableFuture.supplyAsync(() -> answered(clerk.pharmacyId(), key, hash).orElseThrow(), blocking);
            }
            return CompletableFuture.failedFuture(cause(failure));
        });
    }

    /**
     * A sale about to be refused may be the retry of one accepted earlier, which counts against it now (velocity,
     * trace codes) or which it follows too late (the time window): it is answered as it was then.
     */
    private Optional<CompletableFuture<RegistrationResult>> answeredBefore(Actor clerk, String key, String hash) {
        return answered(clerk.pharmacyId(), key, hash).map(CompletableFuture::completedFuture);
    }

    /** {@link #registerAsync}, waiting for the answer: for the offline batch, whose sales are answered in order. */
    public RegistrationResult register(Actor clerk, @Nullable String idempotencyKey, RegistrationRequest request) {
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
    public RegistrationBatch.Result registerBatch(Actor clerk, RegistrationBatch.Request batch) {
        requireCounter(clerk);
        List<RegistrationBatch.Outcome> outcomes = new ArrayList<>();
        for (RegistrationBatch.Entry entry : batch.registrations()) {
            List<Problem.FieldError> invalid = validator.validate(entry.registration()).stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(Problem.FieldError::field)).toList();
            if (!invalid.isEmpty()) {
                outcomes.add(new RegistrationBatch.Outcome(entry.idempotencyKey(), 400, null,
                        Problem.of(ErrorCode.VALIDATION_FAILED, "有 " + invalid.size() + " 处填写不符合要求", invalid, clerk.traceId())));
                continue;
            }
            try {
                outcomes.add(new RegistrationBatch.Outcome(entry.idempotencyKey(), 201,
                        register(clerk, entry.idempotencyKey(), entry.registration()), null));
            } catch (CogovException e) {
                outcomes.add(new RegistrationBatch.Outcome(entry.idempotencyKey(), e.code().status(), null,
                        Problem.of(e.code(), e.getMessage(), e.fieldErrors(), clerk.traceId())));
            }
        }
        return new RegistrationBatch.Result(outcomes);
    }

    /**
     * Voids a registration of the caller's pharmacy within the void window: a new record, the sale stays on file.
     *
     * @param number the registration's public number
     */
    public RegistrationView voidRegistration(Actor clerk, String number, String reason) {
        requireCounter(clerk);
        RegistrationStore.Row row = ownRow(clerk, number);
        long id = row.id();
        if (row.voidedAt() != null) {
            throw RegistrationException.of(ErrorCode.ALREADY_VOIDED, "该登记已于 " + row.voidedAt() + " 作废");
        }
        if (row.recordedAt().plus(config.voidWindow()).isBefore(clock.instant())) {
            throw RegistrationException.of(ErrorCode.VOID_WINDOW_CLOSED, "登记超过" + config.voidWindow().toHours()
                    + "小时后不能作废，请联系辖区监管部门");
        }
        writer.voidSale(clerk, row, reason, privacy.redact(reason));
        store.items(List.of(id)).stream()
                .collect(Collectors.groupingBy(RegistrationStore.ItemRow::category, Collectors.summingInt(RegistrationStore.ItemRow::quantity)))
                .forEach((category, packages) -> velocity.voided(row.buyer().numberIndex(), category,
                        new Velocity.Purchase(id, row.pharmacyId(), packages, row.soldAt())));
        return view(ownRow(clerk, number));
    }

    /** Search filters of the pharmacy's own records; all optional. */
    public record Query(@Nullable Instant from, @Nullable Instant to, @Nullable Long drugId, @Nullable String category,
                        @Nullable Long clerkId, @Nullable DocumentType documentType, @Nullable String documentNumber,
                        int page, int size) {
    }

    /** The pharmacy's own registrations, newest first, masked. A search by buyer is audited. */
    public RegistrationPage list(Actor clerk, Query q) {
        requireCounter(clerk);
        if (q.size() < 1 || q.size() > MAX_PAGE_SIZE) {
            throw RegistrationException.field(ErrorCode.VALIDATION_FAILED, "size", "每页1到" + MAX_PAGE_SIZE + "条");
        }
        // Bounded so page * size cannot overflow into a negative OFFSET; deeper pages mean a narrower time window.
        if (q.page() < 0 || q.page() > MAX_PAGE) {
            throw RegistrationException.field(ErrorCode.VALIDATION_FAILED, "page", "页码须在0到" + MAX_PAGE + "之间，请缩小查询时间段");
        }
        Instant to = q.to() != null ? q.to() : clock.instant().plus(config.maxClockAhead());
        Instant from = q.from() != null ? q.from() : LocalDate.now(clock.withZone(RegistrationWriter.CHINA))
                .atStartOfDay(RegistrationWriter.CHINA).toInstant();
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_QUERY_SPAN) > 0) {
            throw RegistrationException.field(ErrorCode.VALIDATION_FAILED, "from", "查询时间段须在92天以内，且开始早于结束");
        }
        List<Object> params = new ArrayList<>(List.of(clerk.pharmacyId(), Timestamp.from(from), Timestamp.from(to)));
        String index = null;
        if (q.documentNumber() != null) {
            DocumentType type = q.documentType() != null ? q.documentType() : DocumentType.RESIDENT_ID;
            index = buyers.verify(type, q.documentNumber(), "查询").numberIndex();
            params.add(index);
            audit.record(clerk, "registration.search-by-buyer", "buyer", index, AuditOutcome.SUCCESS, Map.of());
        }
        if (q.clerkId() != null) {
            params.add(q.clerkId());
        }
        if (q.drugId() != null) {
            params.add(q.drugId());
        }
        if (q.category() != null) {
            params.add(q.category());
        }
        params.add(q.size() + 1);
        params.add(q.page() * q.size());
        String sql = pharmacyListSql(index != null, q.clerkId() != null, q.drugId() != null, q.category() != null);
        List<RegistrationStore.Row> rows = store.rows(sql, params);
        boolean hasMore = rows.size() > q.size();
        return new RegistrationPage(views(rows.stream().limit(q.size()).toList()), q.page(), q.size(), hasMore);
    }

    /**
     * The pharmacy's listing, newest first, index-backed at 120 M rows (RegistrationQueryPlanTest checks the plans): by
     * (pharmacy_id, sold_at), or for one buyer by the blind index (buyer_number_index, sold_at), which reads only that
     * buyer's sales in the window. The optimiser cannot know how few those are and may prefer the pharmacy's index,
     * whose cost grows with the pharmacy's history (at 10 M rows the buyer history's p99 was 1.5 × that at 1 M), so
     * the buyer's index is named.
     */
    static String pharmacyListSql(boolean byBuyer, boolean byClerk, boolean byDrug, boolean byCategory) {
        StringBuilder sql = new StringBuilder("FROM registration r" + (byBuyer ? " FORCE INDEX (ix_registration_buyer_time)" : "")
                + " LEFT JOIN registration_void v ON v.registration_id = r.id WHERE r.pharmacy_id = ? AND r.sold_at >= ? AND r.sold_at < ?");
        if (byBuyer) {
            sql.append(" AND r.buyer_number_index = ?");
        }
        if (byClerk) {
            sql.append(" AND r.clerk_id = ?");
        }
        if (byDrug) {
            sql.append(" AND EXISTS (SELECT 1 FROM registration_item i WHERE i.registration_id = r.id AND i.drug_id = ?)");
        }
        if (byCategory) {
            sql.append(" AND EXISTS (SELECT 1 FROM registration_item i WHERE i.registration_id = r.id AND i.special_category_code = ?)");
        }
        return sql.append(" ORDER BY r.sold_at DESC, r.id DESC LIMIT ? OFFSET ?").toString();
    }

    /**
     * One registration of the caller's pharmacy, by its public number; another pharmacy's is not found. The read is
     * audited (under the internal id, as every other entry about the registration).
     */
    public RegistrationView get(Actor clerk, String number) {
        requireCounter(clerk);
        RegistrationStore.Row row = ownRow(clerk, number);
        RegistrationView view = view(row);
        audit.record(clerk, "registration.read", "registration", String.valueOf(row.id()), AuditOutcome.SUCCESS, Map.of());
        return view;
    }

    /** Counts and packages by drug for one day (China time) of the caller's pharmacy; voided sales not counted. */
    public DailySummary daySummary(Actor clerk, LocalDate day) {
        requireCounter(clerk);
        Instant from = day.atStartOfDay(RegistrationWriter.CHINA).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(RegistrationWriter.CHINA).toInstant();
        long[] counts = store.dayCounts(clerk.pharmacyId(), from, to);
        List<DailySummary.DrugTotal> drugs = store.daySummary(clerk.pharmacyId(), from, to).stream()
                .map(d -> new DailySummary.DrugTotal(d.drugId(), drugName(d.drugId()), d.registrations(), d.packages())).toList();
        return new DailySummary(day, counts[0] - counts[1], counts[1], drugs);
    }

    // ---------------------------------------------------------------- evaluation

    private Sale evaluate(Actor clerk, RegistrationRequest request) {
        Instant now = clock.instant();
        Instant soldAt = request.soldAt().toInstant();
        if (soldAt.isAfter(now.plus(config.maxClockAhead())) || soldAt.isBefore(now.minus(config.maxBackdating()))) {
            throw RegistrationException.field(ErrorCode.SOLD_AT_OUT_OF_RANGE, "soldAt",
                    "销售时间须在过去" + config.maxBackdating().toHours() + "小时内，且不晚于当前时间");
        }
        VerifiedBuyer buyer = buyer(clerk, request.buyer());
        List<Sale.Line> lines = new ArrayList<>();
        Set<String> traceCodes = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            RegistrationRequest.Item item = request.items().get(i);
            DrugView drug = drug(i, item);
            List<String> codes = item.traceCodes() == null ? List.of() : item.traceCodes();
            for (int j = 0; j < codes.size(); j++) {
                String code = codes.get(j);
                String field = "items[" + i + "].traceCodes[" + j + "]";
                if (!traceCodes.add(code)) {
                    throw RegistrationException.field(ErrorCode.VALIDATION_FAILED, field, "同一追溯码在本次登记中重复出现");
                }
                if (drug.productIdentifier() != null && !code.startsWith(drug.productIdentifier())) {
                    throw RegistrationException.field(ErrorCode.VALIDATION_FAILED, field, "追溯码与药品" + drug.name() + "不符，请核对");
                }
            }
            if (codes.size() > item.quantity()) {
                throw RegistrationException.field(ErrorCode.VALIDATION_FAILED, "items[" + i + "].traceCodes", "追溯码数量不能多于销售数量");
            }
            lines.add(new Sale.Line(i, drug, item));
        }
        // What the buyer bought before and where the trace codes were sold before: Redis first, then one read of the
        // database for what Redis does not hold.
        Set<String> categories = lines.stream().map(Sale.Line::category).collect(Collectors.toCollection(LinkedHashSet::new));
        Velocity.Cached cached = velocity.cached(buyer.numberIndex(), categories, soldAt);
        RegistrationStore.Earlier earlier = store.earlier(buyer.numberIndex(), cached.missing(), Velocity.readSince(soldAt, now), traceCodes);
        return new Sale(buyer, soldAt, soldAt.atZone(RegistrationWriter.CHINA).toLocalDate(), lines, request.prescription() != null,
                cached.windows(earlier.purchases(), soldAt, clerk.pharmacyId()), earlier.seenTraceCodes());
    }

    private VerifiedBuyer buyer(Actor clerk, RegistrationRequest.Buyer buyer) {
        if (buyer.identityRef() != null && !buyer.identityRef().isBlank()) {
            return buyers.fromReference(clerk, buyer.identityRef());
        }
        List<Problem.FieldError> missing = new ArrayList<>();
        if (buyer.documentType() == null) {
            missing.add(new Problem.FieldError("buyer.documentType", "请选择证件类型"));
        }
        if (buyer.documentNumber() == null || buyer.documentNumber().isBlank()) {
            missing.add(new Problem.FieldError("buyer.documentNumber", "请填写证件号码或扫描证件"));
        }
        if (buyer.name() == null || buyer.name().isBlank()) {
            missing.add(new Problem.FieldError("buyer.name", "请填写购买人姓名"));
        }
        if (!missing.isEmpty()) {
            throw new CogovException(ErrorCode.VALIDATION_FAILED, "请扫描购买人证件，或填写证件类型、号码和姓名", missing);
        }
        return buyers.verify(buyer.documentType(), buyer.documentNumber(), buyer.name());
    }

    private DrugView drug(int index, RegistrationRequest.Item item) {
        String field = "items[" + index + "]";
        if ((item.barcode() == null) == (item.drugId() == null)) {
            throw RegistrationException.field(ErrorCode.VALIDATION_FAILED, field + ".barcode", "每项药品须且只须填写条码或药品编号之一");
        }
        DrugView drug;
        try {
            drug = item.barcode() != null ? catalog.findByCode(item.barcode()) : catalog.findById(item.drugId());
        } catch (CogovException e) {
            throw new CogovException(e.code(), "第" + (index + 1) + "项：" + e.getMessage(),
                    List.of(new Problem.FieldError(field + (item.barcode() != null ? ".barcode" : ".drugId"), e.getMessage())));
        }
        if (drug.specialCategory() == null) {
            throw RegistrationException.field(ErrorCode.NOT_A_SPECIAL_DRUG, field, drug.name() + "不属于含特殊药品复方制剂，无需登记");
        }
        return drug;
    }

    private void refuse(Actor clerk, Sale sale, List<Finding> findings, List<Finding> blocks) {
        store.alerts(findings.stream().map(f -> new RegistrationStore.NewAlert(clerk.districtCode(), clerk.pharmacyId(), null,
                sale.buyer().numberIndex(), f.code(), f.severity().name(), f.category(), f.message())).toList());
        audit.record(clerk, "registration.blocked", "pharmacy", String.valueOf(clerk.pharmacyId()), AuditOutcome.DENIED,
                Map.of("rules", blocks.stream().map(Finding::code).distinct().collect(Collectors.joining(","))));
        throw new RegistrationBlockedException(blocks);
    }

    private RegistrationStore.NewRegistration newRegistration(Actor clerk, Sale sale, RegistrationRequest request, List<Finding> findings) {
        List<RegistrationStore.NewItem> items = sale.lines().stream().map(l -> new RegistrationStore.NewItem(l.drug().id(),
                l.category(), l.item().quantity(), l.item().batchNumber().strip(), l.item().prescribedQuantity(),
                l.item().traceCodes() == null ? List.of() : l.item().traceCodes())).toList();
        RegistrationRequest.Prescription p = request.prescription();
        return new RegistrationStore.NewRegistration(clerk.pharmacyId(), clerk.districtCode(), clerk.accountId(), sale.soldAt(),
                clock.instant(), sale.buyer(), p == null ? null : p.number(), p == null ? null : p.prescriber(),
                p == null ? null : p.institution(), items,
                findings.stream().map(Finding::code).distinct().collect(Collectors.joining(",")));
    }

    // ---------------------------------------------------------------- idempotency

    /** The answer already given to this key, or empty when it is unused; a key used for another sale is refused. */
    private Optional<RegistrationResult> answered(long pharmacyId, String key, String hash) {
        return store.answered(pharmacyId, key).map(earlier -> writer.replay(key, hash, earlier));
    }

    private static String validKey(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw RegistrationException.field(ErrorCode.IDEMPOTENCY_KEY_REQUIRED, "Idempotency-Key", "请求头须包含 Idempotency-Key");
        }
        if (!KEY.matcher(key).matches()) {
            throw RegistrationException.field(ErrorCode.VALIDATION_FAILED, "Idempotency-Key", "幂等键为8-64位字母、数字、- 或 _");
        }
        return key;
    }

    // ---------------------------------------------------------------- views

    /** By the public number (uk_registration_number), never the internal id, which would tell the city's volume. */
    private RegistrationStore.Row ownRow(Actor clerk, String number) {
        if (number == null || !RegistrationNumbers.SHAPE.matcher(number).matches()) {
            throw RegistrationException.notFound(number);
        }
        return store.rows(BY_NUMBER, List.of(number, clerk.pharmacyId())).stream().findFirst()
                .orElseThrow(() -> RegistrationException.notFound(number));
    }

    private RegistrationView view(RegistrationStore.Row row) {
        return views(List.of(row)).get(0);
    }

    private List<RegistrationView> views(List<RegistrationStore.Row> rows) {
        Map<Long, List<RegistrationStore.ItemRow>> items = store.items(rows.stream().map(RegistrationStore.Row::id).toList())
                .stream().collect(Collectors.groupingBy(RegistrationStore.ItemRow::registrationId));
        Map<Long, String> names = new java.util.HashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(RegistrationWriter.CHINA));
        return rows.stream().map(r -> {
            VerifiedBuyer b = r.buyer();
            VerifiedBuyer masked = new VerifiedBuyer(b.documentType(), b.numberSealed(), b.numberIndex(), b.nameSealed(), null,
                    privacy.mask(PersonalField.ID_NUMBER, privacy.open(b.numberSealed())),
                    privacy.mask(PersonalField.NAME, privacy.open(b.nameSealed())), b.birthDate(), b.sex());
            List<RegistrationView.Item> lines = items.getOrDefault(r.id(), List.of()).stream()
                    .map(i -> new RegistrationView.Item(i.drugId(), names.computeIfAbsent(i.drugId(), this::drugName), i.category(),
                            i.quantity(), i.batchNumber(), i.traceCodes())).toList();
            List<RegistrationResult.Warning> warnings = r.warnings() == null ? List.of()
                    : java.util.Arrays.stream(r.warnings().split(","))
                            .map(c -> new RegistrationResult.Warning(c, WARNING_LABELS.getOrDefault(c, c))).toList();
            return new RegistrationView(r.number(),
                    r.voidedAt() == null ? RegistrationView.Status.ACTIVE : RegistrationView.Status.VOIDED, r.soldAt(), r.recordedAt(),
                    r.pharmacyId(), r.clerkId(), buyers.view(masked, today), lines, r.prescriptionNumber(), warnings,
                    r.voidedAt(), r.voidReason() == null ? null : privacy.redact(r.voidReason()));
        }).toList();
    }

    private String drugName(long drugId) {
        return catalog.findById(drugId).name();
    }

    private static void requireCounter(Actor actor) {
        if ((actor.role() != Role.PHARMACY_CLERK && actor.role() != Role.PHARMACY_MANAGER) || actor.pharmacyId() == null) {
            throw new AccessDeniedException("只有药店店员和店长可以办理登记");
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
