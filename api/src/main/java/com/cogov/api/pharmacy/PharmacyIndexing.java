package com.cogov.api.pharmacy;

import com.cogov.api.geo.GeoIndexSource;
import com.cogov.api.geo.GeoPoint;
import com.cogov.api.geo.GeoService;
import com.cogov.api.job.SingleNode;
import com.cogov.api.search.SearchTextService;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener.TransactionPhase;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what is derived from pharmacies for finding them current: their name's search keys (search text) and their
 * place in the nearby index (geo), partitioned by district.
 * <ul>
 *   <li>Search keys live in the database: written before the change commits, in its transaction, so a name and its
 *       keys never disagree.</li>
 *   <li>The nearby index lives in Redis, which cannot join the transaction: refreshed after the commit (a rolled-back
 *       change moves nothing), and rebuilt from the database at start and every {@code cogov.pharmacy.reindex-interval}
 *       on one node, which also repairs a refresh lost while Redis was away. The rebuild is idempotent.</li>
 * </ul>
 */
@Singleton
class PharmacyIndexing implements GeoIndexSource {

    private static final Logger LOG = LoggerFactory.getLogger(PharmacyIndexing.class);

    private final PharmacyRows pharmacies;
    private final SearchTextService search;
    private final GeoService geo;
    private final SingleNode singleNode;

    PharmacyIndexing(PharmacyRows pharmacies, SearchTextService search, GeoService geo, SingleNode singleNode) {
        this.pharmacies = pharmacies;
        this.search = search;
        this.geo = geo;
        this.singleNode = singleNode;
    }

    @TransactionalEventListener(TransactionPhase.BEFORE_COMMIT)
    void refreshSearchKeys(PharmacyChangedEvent changed) {
        pharmacies.find(changed.pharmacyId()).ifPresent(this::writeSearchKeys);
    }

    @TransactionalEventListener(TransactionPhase.AFTER_COMMIT)
    void refreshNearby(PharmacyChangedEvent changed) {
        try {
            pharmacies.find(changed.pharmacyId()).ifPresent(p -> {
                GeoService.Member member = member(p);
                if (member == null) {
                    geo.remove(PharmacyService.GEO_INDEX, p.id());
                } else {
                    geo.put(PharmacyService.GEO_INDEX, member);
                }
            });
        } catch (RuntimeException e) { // the change stands; the next rebuild places the pharmacy
            LOG.warn("Nearby index not refreshed for pharmacy {}: {}", changed.pharmacyId(), e.toString());
        }
    }

    @EventListener
    void onStartup(StartupEvent started) {
        rebuild();
    }

    @Scheduled(
            fixedDelay = "${cogov.pharmacy.reindex-interval:10m}",
            initialDelay = "${cogov.pharmacy.reindex-interval:10m}")
    void rebuild() {
        singleNode.run("pharmacy.reindex", Duration.ofMinutes(5), () -> {
            try {
                List<Pharmacy> all = pharmacies.all();
                Set<Long> indexed = search.indexedIds(PharmacyService.SEARCH_TYPE);
                Set<Long> indexedForPublic = search.indexedIds(PharmacyService.PUBLIC_SEARCH_TYPE);
                all.stream().filter(p -> !indexed.contains(p.id())).forEach(this::indexAlone);
                // Batched: a dataset of thousands indexed before the public search existed is indexed in seconds.
                java.util.Map<Long, List<String>> texts = new java.util.LinkedHashMap<>();
                java.util.Map<Long, String> scopes = new java.util.HashMap<>();
                all.stream().filter(p -> !indexedForPublic.contains(p.id())).forEach(p -> {
                    texts.put(p.id(), List.of(p.name(), p.address()));
                    scopes.put(p.id(), p.districtCode());
                });
                if (!texts.isEmpty()) {
                    search.indexAll(PharmacyService.PUBLIC_SEARCH_TYPE, texts, scopes);
                }
                geo.rebuild(PharmacyService.GEO_INDEX);
            } catch (RuntimeException e) {
                LOG.warn("Pharmacy indexes not rebuilt, the next run tries again: {}", e.toString());
            }
        });
    }

    private void writeSearchKeys(Pharmacy p) {
        search.index(PharmacyService.SEARCH_TYPE, p.id(), p.districtCode(), p.name());
        // The public finds a pharmacy by its name or its address (a street they know): both texts, each ranked.
        search.index(PharmacyService.PUBLIC_SEARCH_TYPE, p.id(), p.districtCode(), List.of(p.name(), p.address()));
    }

    @Override
    public String index() {
        return PharmacyService.GEO_INDEX;
    }

    @Override
    public List<GeoService.Member> members() {
        return pharmacies.all().stream()
                .map(PharmacyIndexing::member)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Outside a change: the search entry opens its own transaction. */
    private void indexAlone(Pharmacy p) {
        writeSearchKeys(p);
    }

    private static GeoService.Member member(Pharmacy p) {
        if (p.latitude() == null
                || p.longitude() == null
                || !GeoPoint.valid(p.latitude().doubleValue(), p.longitude().doubleValue())) {
            return null;
        }
        return new GeoService.Member(
                p.id(),
                p.districtCode(),
                new GeoPoint(p.latitude().doubleValue(), p.longitude().doubleValue()));
    }
}
