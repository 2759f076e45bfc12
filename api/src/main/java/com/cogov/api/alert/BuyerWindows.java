package com.cogov.api.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The buyer patterns' arithmetic, free of the database: among one buyer's sales, the windows of a given length in
 * which the sales show at least so many distinct marks (districts for MANY_DISTRICTS, sales for SPLIT_PURCHASES).
 * A window is looked at where it ends, at every sale that a new one can have completed: the new sale itself and the
 * sales up to one window after it (an offline sale arrives late, with an earlier time).
 */
final class BuyerWindows {

    private BuyerWindows() {}

    /** A sale as a pattern sees it; {@code mark} is what is counted distinct. */
    record Sale(long id, Instant soldAt, String mark) {}

    /** A qualifying window: the sale it ends at, and every sale in it (oldest first). */
    record Window(Sale end, List<Sale> sales, int marks) {

        Instant start(Duration within) {
            return end.soldAt().minus(within);
        }
    }

    /**
     * @param sales  the buyer's sales from at least one window before the earliest new one
     * @param fresh  the ids of the new sales (those not looked at before)
     * @return the qualifying windows in the order of their end
     */
    static List<Window> qualifying(List<Sale> sales, Set<Long> fresh, Duration within, int threshold) {
        List<Sale> ordered = new ArrayList<>(sales);
        ordered.sort(Comparator.comparing(Sale::soldAt).thenComparingLong(Sale::id));
        List<Window> windows = new ArrayList<>();
        for (Sale end : ordered) {
            boolean completedByNew = ordered.stream()
                    .anyMatch(s -> fresh.contains(s.id())
                            && !s.soldAt().isAfter(end.soldAt())
                            && !s.soldAt().isBefore(end.soldAt().minus(within)));
            if (!completedByNew) {
                continue;
            }
            List<Sale> in = ordered.stream()
                    .filter(s -> !s.soldAt().isAfter(end.soldAt())
                            && !s.soldAt().isBefore(end.soldAt().minus(within)))
                    .toList();
            Set<String> marks = new HashSet<>();
            in.forEach(s -> marks.add(s.mark()));
            if (marks.size() >= threshold) {
                windows.add(new Window(end, in, marks.size()));
            }
        }
        return windows;
    }
}
