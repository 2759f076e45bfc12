package com.cogov.api.registration;

import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.buyer.Sex;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.Period;
import java.util.OptionalInt;

/**
 * The buyer of a sale as registration keeps them: the number and name only sealed, the number's blind index (which
 * counts a buyer's purchases city-wide), and what the document says of age and sex. Taken from the buyer feature's
 * {@code VerifiedBuyer} once, where a sale is evaluated ({@link SaleEvaluation}); read back from the registration's
 * own columns.
 */
record SealedBuyer(
        DocumentType documentType,
        String numberSealed,
        String numberIndex,
        String nameSealed,
        @Nullable LocalDate birthDate,
        @Nullable Sex sex) {

    /** Whole years of age on {@code day}; empty when the document carries no birth date. */
    OptionalInt ageOn(LocalDate day) {
        return birthDate == null
                ? OptionalInt.empty()
                : OptionalInt.of(Period.between(birthDate, day).getYears());
    }

    /** Nothing personal: the birth date is personal too, and this may reach a log line. */
    @Override
    public String toString() {
        return "SealedBuyer[" + documentType + "]";
    }
}
