package com.cogov.api.publicsearch;

import io.micronaut.core.annotation.Nullable;

/** What a citizen asked of the drug search, as the query string gave it (checked by the search). */
public record DrugQuery(
        @Nullable String q,
        @Nullable String approvalNumber,
        @Nullable String barcode,
        @Nullable String category,
        @Nullable Boolean rx,
        @Nullable String cursor,
        @Nullable Integer limit) {}
