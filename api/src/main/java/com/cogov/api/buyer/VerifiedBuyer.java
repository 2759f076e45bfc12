package com.cogov.api.buyer;

import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.buyer.Sex;
import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * A buyer whose document passed validation: personal values only sealed or masked. Store the sealed values and
 * indexes as they are; show the masked ones (or {@link BuyerService#view}).
 *
 * @param numberSealed the normalised number (15-digit IDs converted to 18), {@link com.cogov.api.privacy.PrivacyService#seal sealed}
 * @param numberIndex  blind index of the number; the same for a resident ID and a social-security card of one person,
 *                     so purchase limits count them together
 * @param nameSealed   the name as recorded (trimmed, spaces collapsed), sealed
 * @param nameIndex    blind index of the name
 * @param birthDate    from the number; null for documents that do not carry it (permits, passports)
 * @param sex          from the number; null when the document does not state it
 */
public record VerifiedBuyer(
        DocumentType documentType,
        String numberSealed,
        String numberIndex,
        String nameSealed,
        @Nullable String nameIndex,
        String maskedNumber,
        String maskedName,
        @Nullable LocalDate birthDate,
        @Nullable Sex sex) {

    /** Whole years of age on {@code day} (one year older on the birthday); empty when the document carries no birth date. */
    public OptionalInt ageOn(LocalDate day) {
        return birthDate == null ? OptionalInt.empty() : OptionalInt.of(IdentityDocument.age(birthDate, day));
    }

    /** Masked values only: the birth date is personal too, and this may reach a log line. */
    @Override
    public String toString() {
        return "VerifiedBuyer[" + documentType + ", " + maskedNumber + ", " + maskedName + "]";
    }
}
