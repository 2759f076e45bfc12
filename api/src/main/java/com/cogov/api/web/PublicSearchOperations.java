package com.cogov.api.web;

import com.cogov.contracts.paging.Page;
import com.cogov.contracts.publicsearch.PublicDrug;
import com.cogov.contracts.publicsearch.PublicPharmacy;
import com.cogov.contracts.publicsearch.PublicPharmacyDetail;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * 药店查询 and 药品查询 as both apps publish them, without sign-in, each under its own prefix
 * ({@code /mp/v1/public}, {@code /portal/v1/public}): implemented by each app's controller and called by the tests
 * through a declarative client of this interface. Every answer is limited per address and cacheable for a minute
 * ({@link PublicEndpointFilter}).
 */
public interface PublicSearchOperations {

    String LIMITED = "TOO_MANY_REQUESTS: too many queries from this address; see Retry-After";

    @Get("/pharmacies")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public
    @Operation(
            operationId = "searchPublicPharmacies",
            summary = "Find trading pharmacies: near me, by name or address, open now, pharmacist on duty",
            description = "Only ACTIVE pharmacies. With lat/lng (GCJ-02, as wx.getLocation gives them) nearest first"
                    + " within radiusMeters (default 3,000, at most 20,000), each row with distanceMeters; else with q"
                    + " best match first (exact, prefix, contains; a Chinese substring or pinyin initials of the name or"
                    + " the address); else by id. openNow=true uses the opening hours in China time (past midnight and"
                    + " round the clock included). A page is {items, nextCursor}. Cacheable for 60 s (ETag,"
                    + " If-None-Match answers 304).")
    @ApiResponse(responseCode = "200", description = "A page of pharmacies")
    @ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
    @ProblemResponse(
            status = "400",
            codes = "SEARCH_RADIUS_INVALID, LOCATION_INVALID (a latitude or longitude out of range),"
                    + " LOCATION_INCOMPLETE (lat without lng, or a radius without both), SEARCH_TEXT_TOO_LONG (q over"
                    + " 50 characters), DISTRICT_UNKNOWN, PAGE_CURSOR_INVALID, PAGE_LIMIT_INVALID, MALFORMED_REQUEST")
    @ProblemResponse(status = "429", codes = LIMITED)
    Page<PublicPharmacy> pharmacies(
            @Nullable
                    @QueryValue
                    @Parameter(description = "Name or address: Chinese or pinyin initials", example = "gkdyf")
                    String q,
            @Nullable @QueryValue @Parameter(example = "420106") String districtCode,
            @Nullable @QueryValue @Parameter(description = "GCJ-02 latitude", example = "30.55") Double lat,
            @Nullable @QueryValue @Parameter(description = "GCJ-02 longitude", example = "114.32") Double lng,
            @Nullable @QueryValue @Parameter(description = "1 to 20,000; default 3,000") Integer radiusMeters,
            @Nullable @QueryValue @Parameter(description = "true: open now (China time)") Boolean openNow,
            @Nullable @QueryValue @Parameter(description = "true: a licensed pharmacist on duty now")
                    Boolean pharmacistOnDuty,
            @Nullable @QueryValue @Parameter(description = "true: a collection point for expired drugs")
                    Boolean acceptsExpiredDrugs,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue @Parameter(description = "1 to 200, default 50") Integer limit);

    @Get("/pharmacies/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public
    @Operation(
            operationId = "getPublicPharmacy",
            summary = "One trading pharmacy with its licence number and licensed pharmacists",
            description = "Pharmacists as the public register shows them (name, licence number, on duty now); no"
                    + " staff personal data. A suspended or closed pharmacy is not found.")
    @ApiResponse(responseCode = "200", description = "The pharmacy")
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: an id that is not a number")
    @ProblemResponse(status = "404", codes = "PHARMACY_NOT_FOUND")
    @ProblemResponse(status = "429", codes = LIMITED)
    PublicPharmacyDetail pharmacy(long id);

    @Get("/drugs")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public
    @Operation(
            operationId = "searchPublicDrugs",
            summary = "Find drugs in the catalog: by name, generic name or maker, approval number, barcode, category",
            description = "With q best match first (a Chinese substring or pinyin initials: kzt finds 新康泰克), else by"
                    + " id. A special compound preparation carries its purchase rules in plain Chinese (ID required,"
                    + " packages per sale, prescription, minors). Cacheable for 60 s.")
    @ApiResponse(responseCode = "200", description = "A page of drugs")
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ProblemResponse(
            status = "400",
            codes = "SEARCH_TEXT_TOO_LONG, DRUG_CATEGORY_UNKNOWN, SEARCH_PARAMETER_INVALID (approvalNumber, barcode),"
                    + " PAGE_CURSOR_INVALID, PAGE_LIMIT_INVALID, MALFORMED_REQUEST")
    @ProblemResponse(status = "429", codes = LIMITED)
    Page<PublicDrug> drugs(
            @Nullable @QueryValue @Parameter(description = "Name, generic name or maker", example = "kzt") String q,
            @Nullable @QueryValue @Parameter(example = "国药准字H20000037") String approvalNumber,
            @Nullable @QueryValue @Parameter(description = "A commodity barcode (8 to 14 digits)") String barcode,
            @Nullable @QueryValue @Parameter(description = "A special category code", example = "EPHEDRINE_COMPOUND")
                    String category,
            @Nullable @QueryValue @Parameter(description = "true: prescription only; false: over the counter")
                    Boolean rx,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit);

    @Get("/drugs/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public
    @Operation(operationId = "getPublicDrug", summary = "One drug of the catalog, as the public sees it")
    @ApiResponse(responseCode = "200", description = "The drug")
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: an id that is not a number")
    @ProblemResponse(status = "404", codes = "DRUG_NOT_FOUND")
    @ProblemResponse(status = "429", codes = LIMITED)
    PublicDrug drug(long id);
}
