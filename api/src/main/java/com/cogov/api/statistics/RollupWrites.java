package com.cogov.api.statistics;

import com.cogov.api.shared.CityConfiguration;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rollup's own tables, written by the job only: the buyer set and the daily rows with their sketches. */
@Singleton
class RollupWrites {

    private static final List<Grain> DISTRICT_GRAINS =
            List.of(Grain.PHARMACY, Grain.PHARMACY_CATEGORY, Grain.DRUG, Grain.CATEGORY, Grain.DISTRICT);

    private final JdbcOperations jdbc;
    private final CityConfiguration city;

    RollupWrites(JdbcOperations jdbc, CityConfiguration city) {
        this.jdbc = jdbc;
        this.city = city;
    }

    /** A buyer's day: the primary-key prefix of their rows in {@code statistics_buyer_day}. */
    record BuyerDay(LocalDate day, String buyerIndex) {}

    /**
     * The rows of each of these buyers' days, across the city, in one statement a chunk (each a primary-key range of a
     * few rows); a buyer with none has an empty, modifiable list, so the batch can add its sales as it counts them.
     */
    Map<BuyerDay, List<RollupCounts.BuyerRow>> buyerDays(java.util.Collection<BuyerDay> keys) {
        Map<BuyerDay, List<RollupCounts.BuyerRow>> sets = new HashMap<>();
        keys.forEach(k -> sets.put(k, new ArrayList<>()));
        Sql.listByKeys(
                jdbc,
                "SELECT day, buyer_number_index, pharmacy_id, drug_id, district_code, category_code, sales"
                        + " FROM statistics_buyer_day",
                "day = ? AND buyer_number_index = ?",
                List.copyOf(sets.keySet()),
                k -> List.of(k.day(), k.buyerIndex()),
                rs -> sets.get(new BuyerDay(Sql.date(rs, "day"), rs.getString(2)))
                        .add(new RollupCounts.BuyerRow(
                                rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getInt(7))));
        return sets;
    }

    /** Adds the sales to their buyers' sets of the day, in batches. */
    void countBuyers(List<RollupCounts.CountedSale> sales) {
        Sql.batch(
                jdbc,
                "INSERT INTO statistics_buyer_day (day, buyer_number_index, pharmacy_id, drug_id, district_code,"
                        + " category_code, sales) VALUES (?,?,?,?,?,?,1) ON DUPLICATE KEY UPDATE sales = sales + 1",
                sales.stream()
                        .flatMap(sale -> sale.lines().stream()
                                .map(line -> List.of(
                                        sale.day(),
                                        sale.buyerIndex(),
                                        sale.pharmacyId(),
                                        line.drugId(),
                                        sale.districtCode(),
                                        line.category())))
                        .toList());
    }

    /** The buyer's rows of that day, across the city: a primary-key range of a few rows. */
    List<RollupCounts.BuyerRow> buyerDay(LocalDate day, String buyerIndex) {
        return Sql.list(
                jdbc,
                "SELECT pharmacy_id, drug_id, district_code, category_code, sales FROM statistics_buyer_day"
                        + " WHERE day = ? AND buyer_number_index = ?",
                List.of(day, buyerIndex),
                rs -> new RollupCounts.BuyerRow(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
    }

    /** Adds (1) or takes back (-1) the sale in its buyer's set of the day. */
    void countBuyer(RollupCounts.CountedSale sale, int change) {
        for (RollupCounts.Line line : sale.lines()) {
            Sql.update(
                    jdbc,
                    "INSERT INTO statistics_buyer_day (day, buyer_number_index, pharmacy_id, drug_id, district_code,"
                            + " category_code, sales) VALUES (?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE sales = sales + ?",
                    List.of(
                            sale.day(),
                            sale.buyerIndex(),
                            sale.pharmacyId(),
                            line.drugId(),
                            sale.districtCode(),
                            line.category(),
                            Math.max(change, 0),
                            change));
        }
    }

    /**
     * Adds the deltas to their rows: the stored sketches of the rows that gain buyers read in one statement a chunk,
     * the rows upserted in one batch (a multi-row insert: the update adds the inserted values, which are the deltas).
     */
    void apply(Map<RollupKey, RollupCounts.Delta> deltas) {
        Map<RollupKey, byte[]> stored = storedSketches(deltas.entrySet().stream()
                .filter(e -> e.getValue().added != null)
                .map(Map.Entry::getKey)
                .toList());
        List<List<Object>> rows = new ArrayList<>(deltas.size());
        deltas.forEach((key, d) -> {
            byte[] buyers = null;
            if (d.added != null) {
                BuyerSketch sketch = BuyerSketch.of(stored.get(key));
                sketch.merge(d.added);
                buyers = sketch.bytes();
            }
            rows.add(Arrays.asList(
                    key.grain().name(),
                    key.districtCode(),
                    key.day(),
                    key.itemKey(),
                    key.pharmacyId(),
                    key.drugId(),
                    key.categoryCode(),
                    d.sales,
                    d.packages,
                    d.warnings,
                    d.blocks,
                    d.voids,
                    d.distinctBuyers,
                    buyers));
        });
        Sql.batch(
                jdbc,
                "INSERT INTO statistics_daily (grain, district_code, day, item_key, pharmacy_id, drug_id,"
                        + " category_code, sales, packages, warnings, blocks, voids, distinct_buyers, buyers)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE sales = sales + VALUES(sales),"
                        + " packages = packages + VALUES(packages), warnings = warnings + VALUES(warnings),"
                        + " blocks = blocks + VALUES(blocks), voids = voids + VALUES(voids),"
                        + " distinct_buyers = distinct_buyers + VALUES(distinct_buyers),"
                        + " buyers = COALESCE(VALUES(buyers), buyers)",
                rows);
    }

    /** The rows' stored sketches, where they have one (a row begun by a block or a void has none yet). */
    private Map<RollupKey, byte[]> storedSketches(List<RollupKey> keys) {
        Map<String, RollupKey> byPrimaryKey = new HashMap<>();
        keys.forEach(k -> byPrimaryKey.put(primaryKey(k.grain().name(), k.districtCode(), k.day(), k.itemKey()), k));
        Map<RollupKey, byte[]> sketches = new HashMap<>();
        Sql.listByKeys(
                jdbc,
                "SELECT grain, district_code, day, item_key, buyers FROM statistics_daily",
                "grain = ? AND district_code = ? AND day = ? AND item_key = ?",
                keys,
                k -> List.of(k.grain().name(), k.districtCode(), k.day(), k.itemKey()),
                rs -> {
                    byte[] buyers = rs.getBytes(5);
                    if (buyers != null) {
                        sketches.put(
                                byPrimaryKey.get(primaryKey(
                                        rs.getString(1), rs.getString(2), Sql.date(rs, "day"), rs.getString(4))),
                                buyers);
                    }
                    return buyers;
                });
        return sketches;
    }

    private static String primaryKey(String grain, String district, LocalDate day, String itemKey) {
        return grain + "|" + district + "|" + day + "|" + itemKey;
    }

    /**
     * A sketch cannot forget a buyer: after a void took buyers out, the district day's sketches are made again from
     * its buyer set (an index range of that district's day), and the city's day from its districts' sketches.
     */
    void rebuildSketches(RollupCounts.DistrictDay districtDay) {
        LocalDate day = districtDay.day();
        String district = districtDay.districtCode();
        Map<RollupKey, BuyerSketch> sketches = new HashMap<>();
        Sql.list(
                jdbc,
                "SELECT buyer_number_index, pharmacy_id, drug_id, category_code FROM statistics_buyer_day"
                        + " WHERE day = ? AND district_code = ? AND sales > 0",
                List.of(day, district),
                rs -> {
                    String buyer = rs.getString(1);
                    long pharmacy = rs.getLong(2);
                    String category = rs.getString(4);
                    for (RollupKey key : List.of(
                            RollupKey.pharmacy(district, day, pharmacy),
                            RollupKey.pharmacyCategory(district, day, pharmacy, category),
                            RollupKey.drug(district, day, rs.getLong(3), category),
                            RollupKey.category(district, day, category),
                            RollupKey.district(district, day))) {
                        sketches.computeIfAbsent(key, k -> new BuyerSketch()).add(buyer);
                    }
                    return null;
                });
        for (Grain grain : DISTRICT_GRAINS) {
            Sql.update(
                    jdbc,
                    "UPDATE statistics_daily SET buyers = NULL WHERE grain = ? AND district_code = ? AND day = ?",
                    List.of(grain.name(), district, day));
        }
        sketches.forEach((key, sketch) -> setSketch(key, sketch));
        BuyerSketch cityDay = new BuyerSketch();
        Sql.list(
                        jdbc,
                        "SELECT buyers FROM statistics_daily WHERE grain = 'DISTRICT' AND day = ?",
                        List.of(day),
                        rs -> rs.getBytes(1))
                .stream()
                .filter(b -> b != null)
                .forEach(cityDay::merge);
        setSketch(RollupKey.city(city.code(), day), cityDay);
    }

    private void setSketch(RollupKey key, BuyerSketch sketch) {
        Sql.update(
                jdbc,
                "UPDATE statistics_daily SET buyers = ? WHERE grain = ? AND district_code = ? AND day = ?"
                        + " AND item_key = ?",
                List.of(sketch.bytes(), key.grain().name(), key.districtCode(), key.day(), key.itemKey()));
    }
}
