package com.cogov.api.publicsearch;

import com.cogov.api.catalog.CatalogEntry;
import com.cogov.api.catalog.CatalogService;
import com.cogov.api.catalog.SpecialCategoryRules;
import com.cogov.api.pharmacy.LicensedPharmacist;
import com.cogov.api.pharmacy.OpeningHours;
import com.cogov.api.pharmacy.PharmacyChangedEvent;
import com.cogov.api.pharmacy.PharmacyProfile;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.recycling.RecyclingService;
import com.cogov.contracts.pharmacy.DistrictView;
import com.cogov.contracts.publicsearch.PublicDrug;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener.TransactionPhase;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's copies of what the public searches: the trading pharmacies with their hours, pharmacists and collection
 * points (some 6,400), and the catalog (some 10,000 drugs) with the rows the public sees already built. A search then
 * reads an index (search text or geo) for the order and these copies for everything else: no database read per
 * request. A copy older than {@code copyLifetime} is read again by one request while the others keep answering from
 * it; a pharmacy change on this node drops it at once (after its commit).
 */
@Singleton
class PublicCopies {

    private static final Logger LOG = LoggerFactory.getLogger(PublicCopies.class);

    /** A trading pharmacy as the public sees it, before the time of day (open now, on duty) is applied. */
    record PharmacyEntry(
            PharmacyProfile profile,
            String districtName,
            Optional<OpeningHours> hours,
            List<LicensedPharmacist> pharmacists,
            boolean collecting) {}

    /** @param byId in id order */
    record Pharmacies(Map<Long, PharmacyEntry> byId, Set<String> districts) {}

    /** @param byId in id order, each drug's public row built once */
    record Drugs(
            Map<Long, PublicDrug> byId,
            Map<String, SpecialCategoryRules> categories,
            Map<String, List<Long>> byBarcode) {}

    private final PharmacyService pharmacies;
    private final CatalogService catalog;
    private final RecyclingService recycling;
    private final PublicSearchConfiguration config;
    private final Copy<Pharmacies> pharmacyCopy;
    private final Copy<Drugs> drugCopy;

    PublicCopies(
            PharmacyService pharmacies,
            CatalogService catalog,
            RecyclingService recycling,
            PublicSearchConfiguration config) {
        this.pharmacies = pharmacies;
        this.catalog = catalog;
        this.recycling = recycling;
        this.config = config;
        this.pharmacyCopy = new Copy<>(this::loadPharmacies);
        this.drugCopy = new Copy<>(this::loadDrugs);
    }

    Pharmacies pharmacies() {
        return pharmacyCopy.get(config.copyLifetime().toNanos());
    }

    Drugs drugs() {
        return drugCopy.get(config.copyLifetime().toNanos());
    }

    @TransactionalEventListener(TransactionPhase.AFTER_COMMIT)
    void pharmacyChanged(PharmacyChangedEvent changed) {
        pharmacyCopy.drop();
    }

    private Pharmacies loadPharmacies() {
        Map<String, String> names = pharmacies.districtNames();
        Map<Long, List<LicensedPharmacist>> register = pharmacies.licensedPharmacists().stream()
                .collect(Collectors.groupingBy(LicensedPharmacist::pharmacyId));
        Set<Long> collecting = recycling.collectingPharmacies();
        Map<Long, PharmacyEntry> byId = new LinkedHashMap<>();
        pharmacies.activeProfiles().stream()
                .sorted(java.util.Comparator.comparingLong(PharmacyProfile::id))
                .forEach(p -> byId.put(
                        p.id(),
                        new PharmacyEntry(
                                p,
                                names.getOrDefault(p.districtCode(), p.districtCode()),
                                OpeningHours.parse(p.openingHours()),
                                List.copyOf(register.getOrDefault(p.id(), List.of())),
                                collecting.contains(p.id()))));
        Set<String> districts =
                pharmacies.districts().stream().map(DistrictView::code).collect(Collectors.toUnmodifiableSet());
        return new Pharmacies(Collections.unmodifiableMap(byId), districts);
    }

    private Drugs loadDrugs() {
        Map<String, SpecialCategoryRules> categories = new LinkedHashMap<>();
        catalog.specialCategories().forEach(c -> categories.put(c.code(), c));
        Map<Long, PublicDrug> byId = new LinkedHashMap<>();
        Map<String, List<Long>> byBarcode = new HashMap<>();
        for (CatalogEntry d : catalog.entries()) {
            byId.put(
                    d.id(),
                    DrugRows.row(d, d.specialCategoryCode() == null ? null : categories.get(d.specialCategoryCode())));
            d.barcodes()
                    .forEach(b ->
                            byBarcode.computeIfAbsent(b, k -> new ArrayList<>()).add(d.id()));
        }
        return new Drugs(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(categories), byBarcode);
    }

    /** One copy: read again when too old, by one caller while the others keep the old one. */
    private static final class Copy<T> {

        private final Supplier<T> loader;
        private final AtomicBoolean loading = new AtomicBoolean();
        private volatile @Nullable T value;
        private volatile long loadedAt;

        Copy(Supplier<T> loader) {
            this.loader = loader;
        }

        T get(long lifetimeNanos) {
            T current = value;
            if (current == null) {
                synchronized (this) {
                    if (value == null) {
                        load();
                    }
                    return value;
                }
            }
            if (System.nanoTime() - loadedAt > lifetimeNanos && loading.compareAndSet(false, true)) {
                try {
                    load();
                } catch (RuntimeException e) { // keep answering from the copy; the next request tries again
                    LOG.warn("Public search copy not refreshed: {}", e.toString());
                } finally {
                    loading.set(false);
                }
                return value;
            }
            return current;
        }

        void drop() {
            loadedAt = System.nanoTime() - Long.MAX_VALUE / 2;
        }

        private void load() {
            long started = System.nanoTime();
            value = loader.get();
            loadedAt = started;
        }
    }
}
