package com.cogov.api.registration;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.RegistrationDetail;
import com.cogov.contracts.registration.RegistrationItemRecord;
import com.cogov.contracts.registration.RegistrationRecord;
import com.cogov.contracts.registration.UnmaskedBuyer;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The regulator's desk over the registrations (上报登记查询, 购药明细查询): the city's sales and items by filter, one
 * sale in full, its buyer unmasked for a reason. Scope first: every read is confined to the caller's district
 * ({@link RecordScope}); a sale elsewhere is not found.
 */
@Singleton
class RecordDesk {

    private final RecordScope scope;
    private final RecordSearch search;
    private final RecordReads records;
    private final RegistrationReads reads;
    private final RecordViews views;
    private final PrivacyService privacy;

    RecordDesk(
            RecordScope scope,
            RecordSearch search,
            RecordReads records,
            RegistrationReads reads,
            RecordViews views,
            PrivacyService privacy) {
        this.scope = scope;
        this.search = search;
        this.records = records;
        this.reads = reads;
        this.views = views;
        this.privacy = privacy;
    }

    /** A filter checked and confined to the actor's scope: what a query and its export both run. */
    record Checked(RecordFilter filter, RecordCriteria criteria) {}

    Checked check(Actor actor, Map<String, String> filter) {
        RecordScope.requireRegulator(actor); // a refused role learns nothing of its filter's faults
        RecordFilter parsed = scope.parse(filter);
        return new Checked(parsed, scope.resolve(actor, parsed));
    }

    Page<RegistrationRecord> sales(Actor actor, Map<String, String> filter, PageRequest page) {
        Checked checked = check(actor, filter);
        scope.auditBuyerSearch(actor, checked.filter(), checked.criteria(), "registrations");
        List<StoredRegistration> rows = search.sales(checked.criteria(), page);
        Page<StoredRegistration> keys = Pages.of(rows, page, r -> new Cursor(r.soldAt(), r.id()), r -> r);
        return new Page<>(views.sales(keys.items()), keys.nextCursor());
    }

    Page<RegistrationItemRecord> items(Actor actor, Map<String, String> filter, PageRequest page) {
        Checked checked = check(actor, filter);
        scope.auditBuyerSearch(actor, checked.filter(), checked.criteria(), "registration-items");
        List<RecordSearch.ItemRow> rows = search.items(checked.criteria(), page);
        Page<RecordSearch.ItemRow> keys = Pages.of(rows, page, i -> new Cursor(i.soldAt(), i.id()), i -> i);
        return new Page<>(views.items(keys.items()), keys.nextCursor());
    }

    /** The sales of a checked filter in keyset pages of {@code size}, for an export: constant memory. */
    void eachSalesPage(RecordCriteria criteria, int size, Predicate<List<RegistrationRecord>> sink) {
        Cursor after = null;
        do {
            PageRequest page = new PageRequest(size, after);
            List<StoredRegistration> rows = search.sales(criteria, page);
            Page<StoredRegistration> keys = Pages.of(rows, page, r -> new Cursor(r.soldAt(), r.id()), r -> r);
            if (keys.items().isEmpty() || !sink.test(views.sales(keys.items()))) {
                return;
            }
            StoredRegistration last = keys.items().get(keys.items().size() - 1);
            after = keys.nextCursor() == null ? null : new Cursor(last.soldAt(), last.id());
        } while (after != null);
    }

    /** The items of a checked filter in keyset pages of {@code size}, for an export: constant memory. */
    void eachItemsPage(RecordCriteria criteria, int size, Predicate<List<RegistrationItemRecord>> sink) {
        Cursor after = null;
        do {
            PageRequest page = new PageRequest(size, after);
            List<RecordSearch.ItemRow> rows = search.items(criteria, page);
            Page<RecordSearch.ItemRow> keys = Pages.of(rows, page, i -> new Cursor(i.soldAt(), i.id()), i -> i);
            if (keys.items().isEmpty() || !sink.test(views.items(keys.items()))) {
                return;
            }
            RecordSearch.ItemRow last = keys.items().get(keys.items().size() - 1);
            after = keys.nextCursor() == null ? null : new Cursor(last.soldAt(), last.id());
        } while (after != null);
    }

    /** EXPLAIN's estimate of the rows of the chosen index range. */
    long estimateSales(RecordCriteria criteria) {
        return search.estimate(RecordSearch.sales(criteria, null, Integer.MAX_VALUE));
    }

    long estimateItems(RecordCriteria criteria) {
        return search.estimate(RecordSearch.items(criteria, null, Integer.MAX_VALUE));
    }

    RegistrationDetail detail(Actor actor, String number) {
        StoredRegistration r = visible(actor, number);
        List<RegistrationReads.ItemRow> items = reads.items(List.of(r.id()));
        return new RegistrationDetail(
                views.sale(r, items),
                r.recordedAt(),
                views.lines(items),
                r.prescriptionNumber(),
                records.alerts(r),
                r.voidedAt() == null
                        ? null
                        : new RegistrationDetail.VoidRecord(
                                r.voidedAt(), records.voidedBy(r.id()), privacy.redact(r.voidReason())));
    }

    /** The buyer in full, for a reason: each value opened is audited as {@code privacy.unmask}, never written down. */
    UnmaskedBuyer unmask(Actor actor, String number, String reason) {
        StoredRegistration r = visible(actor, number);
        String id = String.valueOf(r.id());
        SealedBuyer b = r.buyer();
        return new UnmaskedBuyer(
                b.documentType(),
                privacy.unmask(actor, reason, "registration", id, PersonalField.ID_NUMBER, b.numberSealed()),
                privacy.unmask(actor, reason, "registration", id, PersonalField.NAME, b.nameSealed()));
    }

    /** A sale the actor may read: any in the city for the administrator, their district's for an inspector. */
    private StoredRegistration visible(Actor actor, String number) {
        RecordScope.requireRegulator(actor);
        String confined = RecordScope.confinedTo(actor);
        return records.byNumber(number)
                .filter(r -> confined == null || confined.equals(r.districtCode()))
                .orElseThrow(RecordQueryException::registrationNotFound);
    }
}
