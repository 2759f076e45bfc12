package com.cogov.api.publicsearch;

import io.micronaut.core.annotation.Nullable;

/** What a citizen asked of the pharmacy search, as the query string gave it (checked by the search). */
public record PharmacyQuery(
        @Nullable String q,
        @Nullable String districtCode,
        @Nullable Double lat,
        @Nullable Double lng,
        @Nullable Integer radiusMeters,
        @Nullable Boolean openNow,
        @Nullable Boolean pharmacistOnDuty,
        @Nullable Boolean acceptsExpiredDrugs,
        @Nullable String cursor,
        @Nullable Integer limit) {}
