package com.cogov.api.registration;

import com.cogov.api.buyer.VerifiedBuyer;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.registration.RegistrationRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/** A sale as the rules see it: the verified buyer, the resolved drugs, and what the buyer bought before. */
record Sale(VerifiedBuyer buyer, Instant soldAt, LocalDate saleDay, List<Line> lines, boolean hasPrescription,
            Map<String, Velocity.Window> history, Set<String> resoldTraceCodes) {

    record Line(int index, DrugView drug, RegistrationRequest.Item item) {
        String category() {
            return drug.specialCategory().code();
        }
    }

    OptionalInt buyerAge() {
        return buyer.ageOn(saleDay);
    }

    Map<String, Integer> packagesByCategory() {
        return lines.stream().collect(Collectors.groupingBy(Line::category, Collectors.summingInt(l -> l.item().quantity())));
    }

    /** What the sale, made at {@code pharmacyId}, adds to its buyer's velocity counts, per category. */
    List<Velocity.Counted> counted(long pharmacyId) {
        return packagesByCategory().entrySet().stream().map(e -> new Velocity.Counted(buyer.numberIndex(), e.getKey(),
                history.get(e.getKey()), pharmacyId, e.getValue(), soldAt)).toList();
    }
}
