package com.cogov.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.statistics.DailyBuyers.PharmacyDay;
import com.cogov.contracts.alert.AlertStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pattern arithmetic and the triage steps, without a database. */
class AlertPatternRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static BuyerWindows.Sale sale(long id, double daysAfter, String district) {
        return new BuyerWindows.Sale(id, T0.plusSeconds((long) (daysAfter * 86_400)), district);
    }

    @Test
    void threeDistrictsWithinAWeekQualifyAtTheSaleThatCompletesThem() {
        var sales = List.of(sale(1, 0, "420106"), sale(2, 2, "420103"), sale(3, 6.9, "420111"));
        var windows = BuyerWindows.qualifying(sales, Set.of(3L), WEEK, 3);
        assertThat(windows).hasSize(1);
        assertThat(windows.get(0).end().id()).isEqualTo(3);
        assertThat(windows.get(0).sales()).extracting(BuyerWindows.Sale::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void threeDistrictsSpreadOverMoreThanAWeekDoNot() {
        var sales = List.of(sale(1, 0, "420106"), sale(2, 2, "420103"), sale(3, 7.1, "420111"));
        assertThat(BuyerWindows.qualifying(sales, Set.of(3L), WEEK, 3)).isEmpty();
    }

    @Test
    void twoSalesInOneDistrictCountOnce() {
        var sales = List.of(sale(1, 0, "420106"), sale(2, 1, "420106"), sale(3, 2, "420103"));
        assertThat(BuyerWindows.qualifying(sales, Set.of(1L, 2L, 3L), WEEK, 3)).isEmpty();
    }

    @Test
    void aLateOfflineSaleCompletesTheWindowOfALaterSale() {
        // Sale 3 arrives last (queued offline) with a time between 1 and 2: the window ending at 2 now has 3 districts.
        var sales = List.of(sale(1, 0, "420106"), sale(2, 3, "420103"), sale(3, 1, "420111"));
        var windows = BuyerWindows.qualifying(sales, Set.of(3L), WEEK, 3);
        assertThat(windows).extracting(w -> w.end().id()).containsExactly(2L);
    }

    @Test
    void oldSalesAloneRaiseNothingOnARun() {
        var sales = List.of(sale(1, 0, "420106"), sale(2, 1, "420103"), sale(3, 2, "420111"));
        assertThat(BuyerWindows.qualifying(sales, Set.of(), WEEK, 3)).isEmpty();
    }

    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    /** Pharmacy 1 (the one looked at) and its district's peers 2, 3, 4, each selling {@code usual} a day for 28 days. */
    private static List<PharmacyDay> district(int usual, int todayAt1, int todayAtPeers) {
        List<PharmacyDay> days = new ArrayList<>();
        for (long p = 1; p <= 4; p++) {
            for (int back = 1; back <= 28; back++) {
                days.add(new PharmacyDay(TODAY.minusDays(back), p, "420106", "EPHEDRINE_COMPOUND", usual));
            }
            days.add(new PharmacyDay(TODAY, p, "420106", "EPHEDRINE_COMPOUND", p == 1 ? todayAt1 : todayAtPeers));
        }
        return days;
    }

    @Test
    void aPharmacyFarAboveItsOwnPastAndItsPeersSurges() {
        var surges = SurgeRule.find(district(4, 13, 4), TODAY, 28, 3, 5);
        assertThat(surges).singleElement().satisfies(s -> {
            assertThat(s.pharmacyId()).isEqualTo(1);
            assertThat(s.today()).isEqualTo(13);
            assertThat(s.ownMedian()).isEqualTo(4);
            assertThat(s.districtMedian()).isEqualTo(4);
        });
    }

    @Test
    void aDistrictWideRiseIsNoSurge() {
        assertThat(SurgeRule.find(district(4, 13, 12), TODAY, 28, 3, 5)).isEmpty();
    }

    @Test
    void exactlyThreeTimesIsNoSurge() {
        assertThat(SurgeRule.find(district(4, 12, 4), TODAY, 28, 3, 5)).isEmpty();
    }

    @Test
    void aQuietPharmacyGoingFromNothingToAFewIsNoise() {
        assertThat(SurgeRule.find(district(0, 4, 0), TODAY, 28, 3, 5)).isEmpty();
        assertThat(SurgeRule.find(district(0, 5, 0), TODAY, 28, 3, 5)).hasSize(1);
    }

    @Test
    void daysWithoutSalesCountAsZeroInThePharmacysOwnMedian() {
        List<PharmacyDay> days = new ArrayList<>();
        for (int back = 1; back <= 10; back++) { // 10 busy days, 18 without a sale: its median day is 0
            days.add(new PharmacyDay(TODAY.minusDays(back), 1, "420106", "CODEINE_ORAL_LIQUID", 20));
        }
        days.add(new PharmacyDay(TODAY, 1, "420106", "CODEINE_ORAL_LIQUID", 6));
        assertThat(SurgeRule.find(days, TODAY, 28, 3, 5))
                .singleElement()
                .satisfies(s -> assertThat(s.ownMedian()).isZero());
    }

    @Test
    void triageMovesOnAndNeverBackFromAFinalState() {
        assertThat(AlertTransitions.allowed(AlertStatus.OPEN, AlertStatus.REVIEWING))
                .isTrue();
        assertThat(AlertTransitions.allowed(AlertStatus.OPEN, AlertStatus.DISMISSED))
                .isTrue();
        assertThat(AlertTransitions.allowed(AlertStatus.REVIEWING, AlertStatus.CONFIRMED))
                .isTrue();
        assertThat(AlertTransitions.allowed(AlertStatus.REVIEWING, AlertStatus.REVIEWING))
                .isFalse();
        assertThat(AlertTransitions.allowed(AlertStatus.DISMISSED, AlertStatus.REVIEWING))
                .isFalse();
        assertThat(AlertTransitions.allowed(AlertStatus.CONFIRMED, AlertStatus.DISMISSED))
                .isFalse();
    }
}
