package com.cogov.api.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.buyer.Sex;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Age in whole years (周岁), as the minors rules of docs/domain-rules.md §1 need it. */
class VerifiedBuyerAgeTest {

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource({
        "2008-11-22, 2026-11-22, 18", // the 18th birthday: 18 from that day on
        "2008-11-22, 2026-11-21, 17", // the day before
        "2008-11-22, 2026-11-23, 18",
        "2008-02-29, 2026-02-28, 17", // born on a leap day: a year older on 1 March in common years
        "2008-02-29, 2026-03-01, 18",
        "2008-02-29, 2028-02-29, 20", // and on the day itself in leap years
        "2008-02-29, 2028-02-28, 19",
        "1949-12-31, 2026-11-22, 76",
        "2026-11-22, 2026-11-22, 0"
    })
    void countsWholeYearsByTheCalendar(LocalDate born, LocalDate day, int age) {
        assertThat(buyerBorn(born).ageOn(day)).hasValue(age);
    }

    @Test
    void aDocumentWithoutBirthDateHasNoAge() {
        assertThat(buyerBorn(null).ageOn(LocalDate.of(2026, 11, 22))).isEmpty();
    }

    @Test
    void toStringShowsOnlyMaskedValues() {
        assertThat(buyerBorn(LocalDate.of(1949, 12, 31)).toString())
                .contains("1101**********002X")
                .doesNotContain("1949");
    }

    private static VerifiedBuyer buyerBorn(LocalDate birthDate) {
        return new VerifiedBuyer(
                DocumentType.RESIDENT_ID,
                "v1:sealed",
                "index",
                "v1:sealed",
                "index",
                "1101**********002X",
                "张*",
                birthDate,
                birthDate == null ? null : Sex.FEMALE);
    }
}
