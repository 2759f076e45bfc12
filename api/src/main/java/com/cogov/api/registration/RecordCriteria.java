package com.cogov.api.registration;

import com.cogov.contracts.registration.RegistrationView;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A record query as it is run: the caller's filter within the caller's scope, every reference resolved (an inspector's
 * district always set; a barcode turned into its drug; a document number into its blind index).
 *
 * @param from    inclusive
 * @param to      exclusive
 * @param warning {@link RecordFilter#ANY_WARNING} or one rule code
 */
record RecordCriteria(
        Instant from,
        Instant to,
        @Nullable String districtCode,
        @Nullable Long pharmacyId,
        @Nullable Long drugId,
        @Nullable String category,
        @Nullable Long clerkId,
        @Nullable RegistrationView.Status status,
        @Nullable String warning,
        boolean minor,
        @Nullable String buyerIndex) {

    /** Whether the filters already exclude every row (a barcode and a drug id naming two different drugs). */
    static final long NO_DRUG = -1;

    boolean empty() {
        return drugId != null && drugId == NO_DRUG;
    }

    @Override
    public String toString() {
        return "RecordCriteria[" + from + ".." + to + ", district " + districtCode + "]";
    }
}
