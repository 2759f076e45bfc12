package com.cogov.portal.registration;

import com.cogov.api.paging.PageRequest;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.HashMap;
import java.util.Map;

/**
 * The record queries' parameters, shared by the sales list and the items list. Read as text: the registration feature
 * parses them, in the one way its exports parse them too, and answers a bad value with its own code, never a 500.
 */
@Introspected
record RecordQuery(
        @Nullable @QueryValue String from,
        @Nullable @QueryValue String to,
        @Nullable @QueryValue String districtCode,
        @Nullable @QueryValue String pharmacyId,
        @Nullable @QueryValue String drugId,
        @Nullable @QueryValue String barcode,

        @Nullable @QueryValue @Parameter(example = "EPHEDRINE_COMPOUND")
        String category,

        @Nullable @QueryValue String clerkId,

        @Nullable @QueryValue @Parameter(description = "ACTIVE or VOIDED")
        String status,

        @Nullable @QueryValue @Parameter(description = "any, or a rule code such as VELOCITY_24H")
        String warning,

        @Nullable @QueryValue @Parameter(description = "true: buyers under 18 on the day of the sale")
        String minor,

        @Nullable @QueryValue @Parameter(description = "Default RESIDENT_ID")
        String documentType,

        @Nullable @QueryValue String documentNumber,
        @Nullable @QueryValue String reason,
        @Nullable @QueryValue String limit,
        @Nullable @QueryValue String cursor) {

    /** The filter's parameters that were given, by name. */
    Map<String, String> filter() {
        Map<String, String> given = new HashMap<>();
        put(given, "from", from);
        put(given, "to", to);
        put(given, "districtCode", districtCode);
        put(given, "pharmacyId", pharmacyId);
        put(given, "drugId", drugId);
        put(given, "barcode", barcode);
        put(given, "category", category);
        put(given, "clerkId", clerkId);
        put(given, "status", status);
        put(given, "warning", warning);
        put(given, "minor", minor);
        put(given, "documentType", documentType);
        put(given, "documentNumber", documentNumber);
        put(given, "reason", reason);
        return given;
    }

    /** A limit that is not a number is out of range, answered as such (PAGE_LIMIT_INVALID), not as a 500. */
    PageRequest page() {
        Integer rows = null;
        if (limit != null) {
            try {
                rows = Integer.valueOf(limit.strip());
            } catch (NumberFormatException e) {
                rows = 0;
            }
        }
        return PageRequest.of(rows, cursor);
    }

    private static void put(Map<String, String> given, String name, @Nullable String value) {
        if (value != null) {
            given.put(name, value);
        }
    }
}
