package com.cogov.api.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/** A sale as the rules see it: the verified buyer, the resolved drugs, and what the buyer bought before. */
record Sale(
        SealedBuyer buyer,
        Instant soldAt,
        LocalDate saleDay,
        List<SaleLine> lines,
        boolean hasPrescription,
        Map<String, Velocity.Window> history,
        Set<String> resoldTraceCodes) {

    OptionalInt buyerAge() {
        return buyer.ageOn(saleDay);
    }

    Map<String, Integer> packagesByCategory() {
        return lines.stream()
                .collect(Collectors.groupingBy(SaleLine::category, Collectors.summingInt(SaleLine::quantity)));
    }

    /** What the sale, made at {@code pharmacyId}, adds to its buyer's velocity counts, per category. */
    List<Velocity.Counted> counted(long pharmacyId) {
        return packagesByCategory().entrySet().stream()
                .map(e -> new Velocity.Counted(
                        buyer.numberIndex(), e.getKey(), history.get(e.getKey()), pharmacyId, e.getValue(), soldAt))
                .toList();
    }
}
