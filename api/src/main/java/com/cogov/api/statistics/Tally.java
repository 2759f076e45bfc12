package com.cogov.api.statistics;

import com.cogov.contracts.statistics.StatisticsRow;

/**
 * Rollup rows added up under one key. Counts add; distinct buyers do not: one row's are exact, several rows' are the
 * estimate of their merged sketches (BuyerSketch's error bound).
 */
final class Tally {

    private long sales;
    private long packages;
    private long warnings;
    private long blocks;
    private long voids;
    private long rows;
    private long exactBuyers;
    private final BuyerSketch buyers = new BuyerSketch();

    void add(StatisticsQueries.Daily row) {
        sales += row.sales();
        packages += row.packages();
        warnings += row.warnings();
        blocks += row.blocks();
        voids += row.voids();
        exactBuyers = row.distinctBuyers();
        rows++;
        if (row.buyers() != null) {
            buyers.merge(row.buyers());
        }
    }

    long sales() {
        return sales;
    }

    long packages() {
        return packages;
    }

    long distinctBuyers() {
        if (rows <= 1) {
            return exactBuyers;
        }
        return buyers.estimate();
    }

    StatisticsRow row(String key, String label) {
        return new StatisticsRow(key, label, sales, packages, distinctBuyers(), warnings, blocks, voids);
    }
}
