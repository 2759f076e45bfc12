package com.cogov.api.alert;

import com.cogov.api.statistics.DailyBuyers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * PHARMACY_SURGE, free of the database: a pharmacy whose distinct buyers of one category today exceed {@code factor}
 * times its own daily median over the days before, and {@code factor} times its district's median pharmacy today (a
 * pharmacy far above its peers, not a district-wide flu week). A day without a sale counts as 0; its peers are the
 * district's other pharmacies that sold the category in the period, each with its count today (0 if none; no peers: 0). Below
 * {@code minimum} buyers nothing is a surge: a quiet pharmacy going from 0 to 2 is noise.
 */
final class SurgeRule {

    private SurgeRule() {}

    record Surge(
            long pharmacyId,
            String districtCode,
            String category,
            int today,
            double ownMedian,
            double districtMedian) {}

    private record Key(long pharmacyId, String districtCode, String category) {}

    /** @param days every (day, pharmacy, category) of [today - baselineDays, today] */
    static List<Surge> find(
            List<DailyBuyers.PharmacyDay> days, LocalDate today, int baselineDays, double factor, int minimum) {
        Map<Key, int[]> series = new HashMap<>(); // index 0: today, 1..baselineDays: that many days before
        for (DailyBuyers.PharmacyDay d : days) {
            long back = today.toEpochDay() - d.day().toEpochDay();
            if (back < 0 || back > baselineDays) {
                continue;
            }
            series.computeIfAbsent(
                                    new Key(d.pharmacyId(), d.districtCode(), d.categoryCode()),
                                    k -> new int[baselineDays + 1])[(int) back] +=
                    d.distinctBuyers();
        }
        Map<String, List<Key>> peers = new HashMap<>(); // district + category -> its pharmacies
        series.keySet()
                .forEach(k -> peers.computeIfAbsent(k.districtCode() + "/" + k.category(), x -> new ArrayList<>())
                        .add(k));
        List<Surge> surges = new ArrayList<>();
        Set<Key> ordered =
                new TreeSet<>(Comparator.comparingLong(Key::pharmacyId).thenComparing(Key::category));
        ordered.addAll(series.keySet());
        for (Key k : ordered) {
            int[] counts = series.get(k);
            int todays = counts[0];
            if (todays < minimum) {
                continue;
            }
            double own = median(Arrays.stream(counts, 1, counts.length).toArray());
            double district = median(peers.get(k.districtCode() + "/" + k.category()).stream()
                    .filter(p -> !p.equals(k))
                    .mapToInt(p -> series.get(p)[0])
                    .toArray());
            if (todays > factor * own && todays > factor * district) {
                surges.add(new Surge(k.pharmacyId(), k.districtCode(), k.category(), todays, own, district));
            }
        }
        return surges;
    }

    static double median(int[] values) {
        if (values.length == 0) {
            return 0;
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
