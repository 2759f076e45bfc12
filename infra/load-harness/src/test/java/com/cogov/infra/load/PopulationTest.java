package com.cogov.infra.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.api.buyer.TestPersonalData;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The harness's dataset must be one the app accepts, and its duplicate check must not see duplicates that are not. */
class PopulationTest {

    @Test
    void everyBuyerHasACheckDigitValidNumberOfTheirOwn() {
        Set<String> numbers = new HashSet<>();
        for (long k = 0; k < 300_000; k += 7) {
            numbers.add(Population.historyNumber(k));
        }
        for (long k = 0; k < 100_000; k += 3) {
            numbers.add(Population.runNumber(k));
        }
        assertThat(numbers)
                .hasSize(300_000 / 7 + 1 + 100_000 / 3 + 1)
                .allSatisfy(n -> assertThat(TestPersonalData.findResidentId(n))
                        .as("checksum-valid")
                        .isPresent());
    }

    @Test
    void historicalBuyersAreAdultsAndTheRunsMinorsAreFifteen() {
        LocalDate today = LocalDate.of(2026, 11, 25);
        assertThat(Population.historyNumber(123_456).substring(6, 10)).isBetween("1950", "1999");
        assertThat(Population.runNumber(38_999_999).substring(6, 14)).isLessThan("20081125");
        assertThat(Population.minorNumber(42, today).substring(6, 10)).isEqualTo("2011");
    }

    @Test
    void rowsAreGivenInMillionsOrThousands() {
        assertThat(Options.parse("--rows", "10M").rows()).isEqualTo(10_000_000);
        assertThat(Options.parse("--quick").rows()).isEqualTo(1_000_000);
        assertThat(Options.parse("--quick").duration().toSeconds()).isEqualTo(5);
        assertThat(Options.parse("--rows", "250k").rows()).isEqualTo(250_000);
        assertThat(Options.label(10_000_000)).isEqualTo("10M");
        assertThatThrownBy(() -> Options.parse("--rows", "5")).hasMessageContaining("at least 10k");
        assertThatThrownBy(() -> Options.parse("--fast")).hasMessageContaining("Unknown option --fast");
    }
}
