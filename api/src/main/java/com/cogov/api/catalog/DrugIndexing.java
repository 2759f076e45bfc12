package com.cogov.api.catalog;

import com.cogov.api.job.SingleNode;
import com.cogov.api.search.SearchTextService;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps drugs findable by name through the search-text piece: the name and the generic name each have their keys
 * (Chinese substring and pinyin initials), written by {@link DrugWriter} in the transaction of each change. Drugs that
 * reached the table another way (the demo data, the load harness's bulk loader, a restore) are indexed at start and
 * (in the background) and every {@code cogov.catalog.reindex-interval} on one node; the rebuild only adds what is
 * missing.
 */
@Singleton
class DrugIndexing {

    static final String NAME = "DRUG_NAME";
    static final String GENERIC_NAME = "DRUG_GENERIC_NAME";
    private static final Logger LOG = LoggerFactory.getLogger(DrugIndexing.class);

    private final SearchTextService search;
    private final JdbcOperations jdbc;
    private final SingleNode singleNode;

    DrugIndexing(SearchTextService search, JdbcOperations jdbc, SingleNode singleNode) {
        this.search = search;
        this.jdbc = jdbc;
        this.singleNode = singleNode;
    }

    /** In the caller's transaction: a name and its keys never disagree. */
    void index(long id, String name, String genericName) {
        search.index(NAME, id, null, name);
        search.index(GENERIC_NAME, id, null, genericName);
    }

    /** Off the start-up thread: a catalog loaded in bulk (the load harness's 10,000 drugs) must not hold up the start. */
    @EventListener
    @Async
    void onStartup(StartupEvent started) {
        rebuild();
    }

    @Scheduled(
            fixedDelay = "${cogov.catalog.reindex-interval:10m}",
            initialDelay = "${cogov.catalog.reindex-interval:10m}")
    void rebuild() {
        singleNode.run("catalog.reindex", Duration.ofMinutes(5), () -> {
            try {
                Set<Long> indexed = search.indexedIds(GENERIC_NAME);
                for (Named drug : all()) {
                    if (!indexed.contains(drug.id())) {
                        index(drug.id(), drug.name(), drug.genericName()); // each in a transaction of its own
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("Drug search keys not rebuilt, the next run tries again: {}", e.toString());
            }
        });
    }

    @ReadOnly
    List<Named> all() {
        return jdbc.prepareStatement("SELECT id, name, generic_name FROM drug", ps -> {
            List<Named> all = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new Named(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return all;
        });
    }

    record Named(long id, String name, String genericName) {}
}
