package com.cogov.api.registration;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.buyer.BuyerService;
import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.Pages;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.DailySummary;
import com.cogov.contracts.registration.RegistrationView;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/** A pharmacy's reading of its own registrations: the listing, one by number, a day's totals. */
@Singleton
class RegistrationQueries {

    private static final Duration MAX_QUERY_SPAN = Duration.ofDays(92);

    private final RegistrationSearch search;
    private final RegistrationReads reads;
    private final RegistrationViews views;
    private final BuyerService buyers;
    private final AuditService audit;
    private final RegistrationConfiguration config;
    private final CityConfiguration city;
    private final Clock clock;
    private final ExecutorService blocking;

    RegistrationQueries(
            RegistrationSearch search,
            RegistrationReads reads,
            RegistrationViews views,
            BuyerService buyers,
            AuditService audit,
            RegistrationConfiguration config,
            CityConfiguration city,
            Clock clock,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
        this.search = search;
        this.reads = reads;
        this.views = views;
        this.buyers = buyers;
        this.audit = audit;
        this.config = config;
        this.city = city;
        this.clock = clock;
    }

    Page<RegistrationView> list(Actor clerk, RegistrationService.Query q) {
        Instant to = q.to() != null ? q.to() : clock.instant().plus(config.maxClockAhead());
        Instant from = q.from() != null ? q.from() : city.startOfDay(city.today(clock));
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_QUERY_SPAN) > 0) {
            throw RegistrationException.field(ErrorCode.VALIDATION_FAILED, "from", "查询时间段须在92天以内，且开始早于结束");
        }
        String index = null;
        CompletableFuture<Void> audited = CompletableFuture.completedFuture(null);
        if (q.documentNumber() != null) {
            DocumentType type = q.documentType() != null ? q.documentType() : DocumentType.RESIDENT_ID;
            String buyer = buyers.verify(type, q.documentNumber(), "查询").numberIndex();
            index = buyer;
            // A search by a person is on the record before its answer leaves, but the page need not wait for the
            // entry's commit (a log flush, most of such a request's time): both are under way at once.
            audited = CompletableFuture.runAsync(
                    () -> audit.record(
                            clerk, "registration.search-by-buyer", "buyer", buyer, AuditOutcome.SUCCESS, Map.of()),
                    blocking);
        }
        List<StoredRegistration> rows = search.find(new RegistrationSearch.Criteria(
                clerk.pharmacyId(), from, to, index, q.clerkId(), q.drugId(), q.category(), q.page()));
        Page<StoredRegistration> keys = Pages.of(rows, q.page(), r -> new Cursor(r.soldAt(), r.id()), r -> r);
        Page<RegistrationView> page = new Page<>(views.views(keys.items()), keys.nextCursor());
        try {
            audited.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return page;
    }

    RegistrationView get(Actor clerk, String number) {
        StoredRegistration row = reads.own(clerk.pharmacyId(), number);
        RegistrationView view = views.view(row);
        audit.record(
                clerk, "registration.read", "registration", String.valueOf(row.id()), AuditOutcome.SUCCESS, Map.of());
        return view;
    }

    DailySummary daySummary(Actor clerk, LocalDate day) {
        Instant from = city.startOfDay(day);
        Instant to = city.startOfDay(day.plusDays(1));
        long[] counts = reads.dayCounts(clerk.pharmacyId(), from, to);
        List<DailySummary.DrugTotal> drugs = reads.daySummary(clerk.pharmacyId(), from, to).stream()
                .map(d -> new DailySummary.DrugTotal(
                        d.drugId(), views.drugName(d.drugId()), d.registrations(), d.packages()))
                .toList();
        return new DailySummary(day, counts[0] - counts[1], counts[1], drugs);
    }
}
