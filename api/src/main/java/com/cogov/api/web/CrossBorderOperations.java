package com.cogov.api.web;

import com.cogov.contracts.crossborder.PublicCrossBorderPharmacistView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * The public's check of a cross-border pharmacist (跨境执业, docs/notices.md), the same in both apps under their
 * {@code /public} prefixes; the tests call it through a declarative client.
 */
public interface CrossBorderOperations {

    @Get("/public/cross-border-pharmacists")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public
    @Operation(
            operationId = "searchCrossBorderPharmacists",
            summary = "Check a Macau pharmacist registered to practise here: by name (Chinese or Portuguese, any case,"
                    + " with or without accents) or licence number",
            description = "Each: names, licence number, practising place, valid until, and the status on today's date"
                    + " in China (VALID, EXPIRED, REVOKED, or NOT_YET_VALID before its first day). Newest registration"
                    + " first; cursor paging: limit 1 to 200, default 50.")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID (q over 50 characters), PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    Page<PublicCrossBorderPharmacistView> searchCrossBorderPharmacists(
            @Nullable @QueryValue String q, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit);
}
