package com.cogov.portal.catalog;

import com.cogov.api.catalog.CatalogService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.catalog.DrugRequests;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Drug maintenance (docs/catalog.md): the city administrator keeps the catalog the counters scan against. Every edit
 * reaches every node within the catalog's check interval; a drug is retired, never deleted.
 */
@Controller("/portal/v1/drugs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("CITY_ADMIN")
@SecurityRequirement(name = "bearer")
@Tag(name = "Catalog")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator")
class DrugController {

    private static final String NOT_FOUND = "DRUG_NOT_FOUND: no drug of this id";
    private static final String BAD_BODY = "VALIDATION_FAILED (a field missing, too long or malformed, named in errors:"
            + " the approval number's form, a barcode's check digit, an unknown special category, a per-sale limit"
            + " outside 1 to 999), MALFORMED_REQUEST (not JSON, an id that is not a number)";

    private final CatalogService catalog;

    DrugController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Get
    @Operation(
            operationId = "listDrugs",
            summary = "Drugs, newest first (药品维护)",
            description = "q: a name or generic name in part or by its pinyin initials (kzt finds 康泰克), an approval"
                    + " number in part, or a barcode's first digits. category: a special category code, or NONE for"
                    + " ordinary drugs. status: ACTIVE or RETIRED. Cursor paging: pass nextCursor back as cursor; limit"
                    + " 1 to 200 (default 50).")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID (q, category or status), PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    Page<DrugView> list(
            @Nullable
                    @QueryValue
                    @Parameter(description = "Name, generic name, pinyin initials, approval number or" + " barcode")
                    String q,
            @Nullable @QueryValue @Parameter(example = "EPHEDRINE_COMPOUND") String category,
            @Nullable @QueryValue @Parameter(description = "ACTIVE or RETIRED") String status,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue String limit,
            @Parameter(hidden = true) Actor actor) {
        return catalog.drugs(actor, q, category, status, page(limit, cursor));
    }

    @Get("/{id}")
    @Operation(operationId = "getDrug", summary = "One drug with its barcodes and status")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    DrugView get(long id, @Parameter(hidden = true) Actor actor) {
        return catalog.drug(actor, id);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "createDrug",
            summary = "Add a drug to the catalog",
            description = "The natural key is approval number + strength + package unit: a second drug with the same"
                    + " three is refused (edit that one instead). Counters find it by its barcodes at once.")
    @ProblemResponse(status = "400", codes = BAD_BODY)
    @ProblemResponse(
            status = "409",
            codes =
                    "DRUG_ALREADY_EXISTS: the natural key is another drug's; BARCODE_TAKEN: a barcode is another drug's")
    DrugView create(@Body @Valid DrugRequests.Create request, @Parameter(hidden = true) Actor actor) {
        return catalog.createDrug(actor, request);
    }

    @Patch("/{id}")
    @Operation(
            operationId = "editDrug",
            summary = "Change a drug's details",
            description = "Absent fields stay as they are; an empty specialCategoryCode makes it an ordinary drug."
                    + " Barcodes and status have their own routes.")
    @ProblemResponse(status = "400", codes = BAD_BODY)
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(status = "409", codes = "DRUG_ALREADY_EXISTS: the new natural key is another drug's")
    DrugView edit(long id, @Body @Valid DrugRequests.Edit request, @Parameter(hidden = true) Actor actor) {
        return catalog.editDrug(actor, id, request);
    }

    @Post("/{id}/barcodes")
    @Operation(
            operationId = "addDrugBarcode",
            summary = "Attach a barcode to a drug",
            description = "A barcode belongs to one drug at most. Attaching one the drug already has changes nothing.")
    @ProblemResponse(status = "400", codes = BAD_BODY + "; BARCODE_INVALID: not a barcode, or a wrong check digit")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(
            status = "409",
            codes = "BARCODE_TAKEN: another drug has it (remove it there first); DRUG_RETIRED: reactivate first")
    DrugView addBarcode(long id, @Body @Valid DrugRequests.AddBarcode request, @Parameter(hidden = true) Actor actor) {
        return catalog.addDrugBarcode(actor, id, request.barcode());
    }

    @Delete("/{id}/barcodes/{barcode}")
    @Operation(
            operationId = "removeDrugBarcode",
            summary = "Detach a barcode from a drug",
            description = "Counters no longer find the drug by it; past sales keep the drug they named.")
    @ProblemResponse(status = "400", codes = "BARCODE_INVALID; MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "404", codes = NOT_FOUND + "; BARCODE_NOT_ON_DRUG: the drug does not have it")
    DrugView removeBarcode(long id, String barcode, @Parameter(hidden = true) Actor actor) {
        return catalog.removeDrugBarcode(actor, id, barcode);
    }

    @Post("/{id}/status")
    @Operation(
            operationId = "changeDrugStatus",
            summary = "Retire or reactivate a drug",
            description = "RETIRED: its barcodes and id no longer resolve for new sales (on every node within the"
                    + " catalog's check interval) while the sales that named it still show it. ACTIVE: back again.")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: no status; MALFORMED_REQUEST: an unknown status")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(status = "409", codes = "DRUG_STATUS_TRANSITION_INVALID: the drug already has that status")
    DrugView changeStatus(
            long id, @Body @Valid DrugRequests.StatusChange request, @Parameter(hidden = true) Actor actor) {
        return catalog.changeDrugStatus(actor, id, request);
    }

    /** A limit that is not a number is out of range, answered as such (PAGE_LIMIT_INVALID), not as a 500. */
    static PageRequest page(@Nullable String limit, @Nullable String cursor) {
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
}
