package com.cogov.api.statistics;

import com.cogov.api.shared.CityConfiguration;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One step of the rollup, each in one transaction with the cursor it moves: what it counted and how far it got commit
 * together, so a step that fails or runs twice counts nothing twice (the job is idempotent by construction).
 */
@Singleton
class RollupBatch {

    private final RollupSources sources;
    private final RollupWrites writes;
    private final StatisticsConfiguration config;
    private final CityConfiguration city;

    RollupBatch(RollupSources sources, RollupWrites writes, StatisticsConfiguration config, CityConfiguration city) {
        this.sources = sources;
        this.writes = writes;
        this.config = config;
        this.city = city;
    }

    /** @return whether a full batch was counted (there may be more) */
    @Transactional
    boolean countSales(Instant now) {
        RollupSources.Cursor cursor = sources.cursor(RollupSources.REGISTRATIONS);
        List<RollupCounts.CountedSale> sales = sources.salesAfter(cursor.countedThrough(), config.batchSize());
        RollupCounts counts = new RollupCounts(city.code());
        // The buyers' sets read once for the batch and kept up to date here as its sales are counted, then written in
        // one go: a statement or two a batch rather than two per sale (a backlog was counted at ~100 sales a second).
        Map<RollupWrites.BuyerDay, List<RollupCounts.BuyerRow>> sets = writes.buyerDays(sales.stream()
                .map(s -> new RollupWrites.BuyerDay(s.day(), s.buyerIndex()))
                .toList());
        for (RollupCounts.CountedSale sale : sales) {
            List<RollupCounts.BuyerRow> set = sets.get(new RollupWrites.BuyerDay(sale.day(), sale.buyerIndex()));
            counts.sale(sale, set);
            for (RollupCounts.Line line : sale.lines()) {
                set.add(new RollupCounts.BuyerRow(
                        sale.pharmacyId(), line.drugId(), sale.districtCode(), line.category(), 1));
            }
        }
        writes.countBuyers(sales);
        writes.apply(counts.deltas());
        advance(
                RollupSources.REGISTRATIONS,
                cursor,
                sales.stream().map(RollupCounts.CountedSale::id).toList(),
                now);
        return sales.size() == config.batchSize();
    }

    @Transactional
    boolean countBlocks(Instant now) {
        RollupSources.Cursor cursor = sources.cursor(RollupSources.ALERTS);
        List<RollupSources.NewBlock> alerts = sources.alertsAfter(cursor.countedThrough(), config.batchSize());
        RollupCounts counts = new RollupCounts(city.code());
        alerts.stream().filter(a -> a.block() != null).forEach(a -> counts.block(a.block()));
        writes.apply(counts.deltas());
        advance(
                RollupSources.ALERTS,
                cursor,
                alerts.stream().map(RollupSources.NewBlock::id).toList(),
                now);
        return alerts.size() == config.batchSize();
    }

    /**
     * Voids are found by time, not id: each run reads back the voids of the last {@code transactionGrace} before its
     * mark (one committed late is still found) and skips those counted already. A void of a sale not counted yet
     * waits for it.
     */
    @Transactional
    boolean countVoids() {
        RollupSources.Cursor mark = sources.cursor(RollupSources.VOIDS);
        Instant since =
                mark.throughTime() == null ? Instant.EPOCH : mark.throughTime().minus(config.transactionGrace());
        List<RollupSources.NewVoid> voids = sources.voidsSince(since, config.batchSize());
        RollupSources.Cursor sales = sources.cursor(RollupSources.REGISTRATIONS);
        Set<Long> ahead = new HashSet<>();
        sources.countedAhead(RollupSources.REGISTRATIONS).forEach(s -> ahead.add(s.id()));
        RollupCounts counts = new RollupCounts(city.code());
        Instant through = mark.throughTime();
        for (RollupSources.NewVoid v : voids) {
            if (v.registrationId() > sales.countedThrough() && !ahead.contains(v.registrationId())) {
                break; // its sale is not counted yet: this void waits for it
            }
            sources.sale(v.registrationId()).ifPresent(sale -> {
                writes.countBuyer(sale, -1);
                counts.voided(sale, writes.buyerDay(sale.day(), sale.buyerIndex()));
            });
            sources.voidCounted(v.registrationId());
            through = through == null || v.voidedAt().isAfter(through) ? v.voidedAt() : through;
        }
        writes.apply(counts.deltas());
        counts.sketchesToRebuild().forEach(writes::rebuildSketches);
        sources.saveCursor(RollupSources.VOIDS, new RollupSources.Cursor(0, through));
        return voids.size() == config.batchSize();
    }

    /**
     * Moves the cursor over every id counted with no gap below it. Ids are drawn before their transaction commits, so
     * under group commit id 7 can be visible while 6 is not yet: 7 is counted now and remembered as counted ahead;
     * the cursor waits at 5 until 6 commits (and is counted then), or, if 6 rolled back and will never appear, until
     * 7 was seen longer ago than any transaction takes.
     */
    private void advance(String source, RollupSources.Cursor cursor, List<Long> countedNow, Instant now) {
        TreeMap<Long, Instant> counted = new TreeMap<>();
        sources.countedAhead(source).forEach(s -> counted.put(s.id(), s.seenAt()));
        countedNow.forEach(id -> counted.put(id, now));
        Instant settled = now.minus(config.transactionGrace());
        long through = cursor.countedThrough();
        for (var entry : counted.entrySet()) {
            if (entry.getKey() != through + 1 && !entry.getValue().isBefore(settled)) {
                break;
            }
            through = entry.getKey();
        }
        long newThrough = through;
        sources.forgetAhead(source, newThrough);
        sources.rememberAhead(
                source,
                countedNow.stream()
                        .filter(id -> id > newThrough)
                        .map(id -> new RollupSources.Seen(id, now))
                        .toList());
        if (newThrough != cursor.countedThrough() || cursor.throughTime() != null) {
            sources.saveCursor(source, new RollupSources.Cursor(newThrough, cursor.throughTime()));
        }
    }
}
