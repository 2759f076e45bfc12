package com.cogov.api.statistics;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one batch of sales, voids and refusals adds to the rollup rows, in memory, before it is written in one go. A
 * buyer counts towards a row's distinct buyers when their first sale of that day under it is counted, and stops when
 * their last such sale is voided: {@code before}/{@code after} are the buyer's rows of that day in the buyer set.
 */
final class RollupCounts {

    /** A sale as the rollup needs it: one line per drug (lines of the same drug added up). */
    record CountedSale(
            long id,
            long pharmacyId,
            String districtCode,
            LocalDate day,
            String buyerIndex,
            boolean warned,
            List<Line> lines) {}

    record Line(long drugId, String category, int quantity) {}

    /** A buyer's sales of one drug at one pharmacy on one day, not voided ({@code statistics_buyer_day}). */
    record BuyerRow(long pharmacyId, long drugId, String districtCode, String category, int sales) {}

    /** A refused sale's BLOCK finding ({@code rule_alert} with no registration). */
    record Block(
            long pharmacyId,
            String districtCode,
            LocalDate day,
            @Nullable String category) {}

    record DistrictDay(String districtCode, LocalDate day) {}

    static final class Delta {
        int sales;
        int packages;
        int warnings;
        int blocks;
        int voids;
        int distinctBuyers;

        @Nullable
        BuyerSketch added;
    }

    private record Share(RollupKey key, int packages, Predicate<BuyerRow> covers) {}

    private final String cityCode;
    private final Map<RollupKey, Delta> deltas = new LinkedHashMap<>();
    private final Set<DistrictDay> sketchesToRebuild = new LinkedHashSet<>();

    RollupCounts(String cityCode) {
        this.cityCode = cityCode;
    }

    Map<RollupKey, Delta> deltas() {
        return deltas;
    }

    /** District days where a void took a buyer out: their sketches are rebuilt from the buyer set. */
    Set<DistrictDay> sketchesToRebuild() {
        return sketchesToRebuild;
    }

    void sale(CountedSale sale, List<BuyerRow> before) {
        for (Share share : shares(sale)) {
            Delta d = delta(share.key());
            d.sales++;
            d.packages += share.packages();
            d.warnings += sale.warned() ? 1 : 0;
            if (before.stream().noneMatch(share.covers())) {
                d.distinctBuyers++;
                if (d.added == null) {
                    d.added = new BuyerSketch();
                }
                d.added.add(sale.buyerIndex());
            }
        }
    }

    void voided(CountedSale sale, List<BuyerRow> after) {
        for (Share share : shares(sale)) {
            Delta d = delta(share.key());
            d.sales--;
            d.packages -= share.packages();
            d.warnings -= sale.warned() ? 1 : 0;
            d.voids++;
            if (after.stream().noneMatch(share.covers())) {
                d.distinctBuyers--;
                sketchesToRebuild.add(new DistrictDay(sale.districtCode(), sale.day()));
            }
        }
    }

    void block(Block block) {
        List<RollupKey> keys = new ArrayList<>(List.of(
                RollupKey.pharmacy(block.districtCode(), block.day(), block.pharmacyId()),
                RollupKey.district(block.districtCode(), block.day()),
                RollupKey.city(cityCode, block.day())));
        if (block.category() != null) {
            keys.add(RollupKey.pharmacyCategory(
                    block.districtCode(), block.day(), block.pharmacyId(), block.category()));
            keys.add(RollupKey.category(block.districtCode(), block.day(), block.category()));
        }
        keys.forEach(k -> delta(k).blocks++);
    }

    private Delta delta(RollupKey key) {
        return deltas.computeIfAbsent(key, k -> new Delta());
    }

    /** The rows a sale counts in, each with its packages and which of the buyer's other sales fall under it. */
    private List<Share> shares(CountedSale s) {
        String district = s.districtCode();
        LocalDate day = s.day();
        List<Share> shares = new ArrayList<>();
        int all = s.lines().stream().mapToInt(Line::quantity).sum();
        shares.add(new Share(RollupKey.city(cityCode, day), all, active(r -> true)));
        shares.add(new Share(
                RollupKey.district(district, day),
                all,
                active(r -> r.districtCode().equals(district))));
        shares.add(new Share(
                RollupKey.pharmacy(district, day, s.pharmacyId()), all, active(r -> r.pharmacyId() == s.pharmacyId())));
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        for (Line line : s.lines()) {
            byCategory.merge(line.category(), line.quantity(), Integer::sum);
            shares.add(new Share(
                    RollupKey.drug(district, day, line.drugId(), line.category()),
                    line.quantity(),
                    active(r -> r.districtCode().equals(district) && r.drugId() == line.drugId())));
        }
        byCategory.forEach((category, packages) -> {
            shares.add(new Share(
                    RollupKey.category(district, day, category),
                    packages,
                    active(r ->
                            r.districtCode().equals(district) && r.category().equals(category))));
            shares.add(new Share(
                    RollupKey.pharmacyCategory(district, day, s.pharmacyId(), category),
                    packages,
                    active(r -> r.pharmacyId() == s.pharmacyId() && r.category().equals(category))));
        });
        return shares;
    }

    private static Predicate<BuyerRow> active(Predicate<BuyerRow> under) {
        return r -> r.sales() > 0 && under.test(r);
    }
}
