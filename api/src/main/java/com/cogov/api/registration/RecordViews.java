package com.cogov.api.registration;

import com.cogov.api.catalog.CatalogService;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.registration.RegistrationItemRecord;
import com.cogov.contracts.registration.RegistrationRecord;
import com.cogov.contracts.registration.RegistrationView;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The regulator's rows as they are shown and exported: the buyer masked (age on the day of the sale), names for ids,
 * warnings spelled out. A page's pharmacies, items and trace codes are read in one statement each, never per row.
 */
@Singleton
class RecordViews {

    private final RegistrationViews views;
    private final RegistrationReads reads;
    private final RecordReads records;
    private final CatalogService catalog;
    private final PharmacyService pharmacies;
    private final CityConfiguration city;
    private static final long NAMES_KEPT_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
    private volatile Names districtNames;

    RecordViews(
            RegistrationViews views,
            RegistrationReads reads,
            RecordReads records,
            CatalogService catalog,
            PharmacyService pharmacies,
            CityConfiguration city) {
        this.views = views;
        this.reads = reads;
        this.records = records;
        this.catalog = catalog;
        this.pharmacies = pharmacies;
        this.city = city;
    }

    /** The sales of a page, in their order. */
    List<RegistrationRecord> sales(List<StoredRegistration> rows) {
        Map<Long, List<RegistrationReads.ItemRow>> items =
                reads.items(rows.stream().map(StoredRegistration::id).toList()).stream()
                        .collect(Collectors.groupingBy(RegistrationReads.ItemRow::registrationId));
        Map<Long, RecordReads.PharmacyName> names = records.pharmacies(
                rows.stream().map(StoredRegistration::pharmacyId).distinct().toList());
        Map<String, String> districts = districtNames();
        return rows.stream()
                .map(r ->
                        record(r, names.get(r.pharmacyId()), districts, summary(items.getOrDefault(r.id(), List.of()))))
                .toList();
    }

    RegistrationRecord sale(StoredRegistration r, List<RegistrationReads.ItemRow> items) {
        RecordReads.PharmacyName name =
                records.pharmacies(List.of(r.pharmacyId())).get(r.pharmacyId());
        return record(r, name, districtNames(), summary(items));
    }

    /** The items of a page, in their order; each with the sale's trace codes of its own drug. */
    List<RegistrationItemRecord> items(List<RecordSearch.ItemRow> rows) {
        Map<Long, List<String>> codes = records.traceCodes(rows.stream()
                .map(RecordSearch.ItemRow::registrationId)
                .distinct()
                .toList());
        Map<Long, RecordReads.PharmacyName> names = records.pharmacies(
                rows.stream().map(RecordSearch.ItemRow::pharmacyId).distinct().toList());
        Map<Long, DrugView> drugs = new HashMap<>();
        return rows.stream()
                .map(i -> {
                    DrugView drug = drugs.computeIfAbsent(i.drugId(), catalog::findById);
                    RecordReads.PharmacyName pharmacy = names.get(i.pharmacyId());
                    return new RegistrationItemRecord(
                            i.number(),
                            i.soldAt(),
                            i.pharmacyId(),
                            pharmacy == null ? "" : pharmacy.name(),
                            i.districtCode(),
                            i.drugId(),
                            drug.name(),
                            drug.barcodes().isEmpty() ? null : drug.barcodes().get(0),
                            i.category(),
                            i.quantity(),
                            i.batchNumber(),
                            ofDrug(codes.getOrDefault(i.registrationId(), List.of()), drug.productIdentifier()),
                            i.prescriptionNumber(),
                            i.voided() ? RegistrationView.Status.VOIDED : RegistrationView.Status.ACTIVE);
                })
                .toList();
    }

    /** A sale's items as the record shows them, each with its own drug's trace codes. */
    List<RegistrationView.Item> lines(List<RegistrationReads.ItemRow> items) {
        return items.stream()
                .map(i -> new RegistrationView.Item(
                        i.drugId(),
                        i.drugName(),
                        i.category(),
                        i.quantity(),
                        i.batchNumber(),
                        ofDrug(i.traceCodes(), i.productIdentifier())))
                .toList();
    }

    private RegistrationRecord record(
            StoredRegistration r, RecordReads.PharmacyName pharmacy, Map<String, String> districts, String summary) {
        return new RegistrationRecord(
                r.number(),
                r.soldAt(),
                r.pharmacyId(),
                pharmacy == null ? "" : pharmacy.name(),
                r.districtCode(),
                districts.getOrDefault(r.districtCode(), r.districtCode()),
                r.clerkId(),
                views.buyer(r.buyer(), city.dayOf(r.soldAt())),
                summary,
                RegistrationViews.warnings(r.warnings()),
                r.voidedAt() == null ? RegistrationView.Status.ACTIVE : RegistrationView.Status.VOIDED);
    }

    /** 新康泰克×2；泰诺×1 */
    private static String summary(List<RegistrationReads.ItemRow> items) {
        return items.stream().map(i -> i.drugName() + "×" + i.quantity()).collect(Collectors.joining("；"));
    }

    /**
     * A traceability code starts with its drug's 7-digit product identifier, so a sale's codes are told apart by
     * drug; a drug without one is shown all of the sale's codes.
     */
    private static List<String> ofDrug(List<String> codes, @Nullable String prefix) {
        return prefix == null
                ? codes
                : codes.stream().filter(c -> c.startsWith(prefix)).toList();
    }

    /**
     * The districts' names, retired ones included, read again at most once a minute: a renamed district
     * (docs/pharmacy-lifecycle.md) shows under its new name within a minute, and a page of records costs no read of
     * them in between.
     */
    private Map<String, String> districtNames() {
        Names names = districtNames;
        if (names == null || System.nanoTime() - names.readAt() > NAMES_KEPT_NANOS) {
            names = new Names(Map.copyOf(pharmacies.districtNames()), System.nanoTime());
            districtNames = names;
        }
        return names.byCode();
    }

    private record Names(Map<String, String> byCode, long readAt) {}
}
