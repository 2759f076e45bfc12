package com.cogov.api.catalog;

import com.cogov.api.job.SingleNode;
import com.cogov.api.search.SearchTextService;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the drugs' search keys (the search-text piece, type {@link CatalogService#SEARCH_TYPE}): a drug is found by
 * its name, generic name or maker, each ranked on its own. Drugs without keys (loaded by a migration, an import or
 * the demo data) are indexed at start (in batches: a catalog of 10,000 drugs takes seconds) and every
 * {@code cogov.catalog.reindex-interval} on one node; {@link DrugWriter} re-indexes a drug in the transaction of its
 * change, so a name and its keys never disagree.
 */
@Singleton
class DrugIndexing {

    private static final Logger LOG = LoggerFactory.getLogger(DrugIndexing.class);

    private final CatalogRows rows;
    private final SearchTextService search;
    private final SingleNode singleNode;

    DrugIndexing(CatalogRows rows, SearchTextService search, SingleNode singleNode) {
        this.rows = rows;
        this.search = search;
        this.singleNode = singleNode;
    }

    @EventListener
    void onStartup(StartupEvent started) {
        rebuild();
    }

    @Scheduled(
            fixedDelay = "${cogov.catalog.reindex-interval:10m}",
            initialDelay = "${cogov.catalog.reindex-interval:10m}")
    void rebuild() {
        singleNode.run("catalog.reindex", Duration.ofMinutes(10), () -> {
            try {
                Set<Long> indexed = search.indexedIds(CatalogService.SEARCH_TYPE);
                List<CatalogEntry> missing =
                        all().stream().filter(d -> !indexed.contains(d.id())).toList();
                java.util.Map<Long, List<String>> texts = new java.util.LinkedHashMap<>();
                missing.forEach(d -> texts.put(d.id(), List.of(d.name(), d.genericName(), d.maker())));
                search.indexAll(CatalogService.SEARCH_TYPE, texts, java.util.Map.of());
                if (!missing.isEmpty()) {
                    LOG.info("Search keys written for {} drugs", missing.size());
                }
            } catch (RuntimeException e) {
                LOG.warn("Drug search keys not rebuilt, the next run tries again: {}", e.toString());
            }
        });
    }

    /** In the caller's transaction (a drug's creation or edit). */
    void index(long id, String name, String genericName, String maker) {
        search.index(CatalogService.SEARCH_TYPE, id, null, List.of(name, genericName, maker));
    }

    @ReadOnly
    List<CatalogEntry> all() {
        return rows.drugs(true);
    }
}
