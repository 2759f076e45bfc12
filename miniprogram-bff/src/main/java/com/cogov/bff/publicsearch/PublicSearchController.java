package com.cogov.bff.publicsearch;

import com.cogov.api.publicsearch.DrugQuery;
import com.cogov.api.publicsearch.PharmacyQuery;
import com.cogov.api.publicsearch.PublicSearchService;
import com.cogov.api.web.PublicSearchOperations;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.publicsearch.PublicDrug;
import com.cogov.contracts.publicsearch.PublicPharmacy;
import com.cogov.contracts.publicsearch.PublicPharmacyDetail;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

/** 药店查询 and 药品查询 in the mini-program, without sign-in (docs/public-search.md). */
@Controller("/mp/v1/public")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Public search")
class PublicSearchController implements PublicSearchOperations {

    private final PublicSearchService search;

    PublicSearchController(PublicSearchService search) {
        this.search = search;
    }

    @Override
    public Page<PublicPharmacy> pharmacies(
            @Nullable String q,
            @Nullable String districtCode,
            @Nullable Double lat,
            @Nullable Double lng,
            @Nullable Integer radiusMeters,
            @Nullable Boolean openNow,
            @Nullable Boolean pharmacistOnDuty,
            @Nullable Boolean acceptsExpiredDrugs,
            @Nullable String cursor,
            @Nullable Integer limit) {
        return search.pharmacies(new PharmacyQuery(
                q,
                districtCode,
                lat,
                lng,
                radiusMeters,
                openNow,
                pharmacistOnDuty,
                acceptsExpiredDrugs,
                cursor,
                limit));
    }

    @Override
    public PublicPharmacyDetail pharmacy(long id) {
        return search.pharmacy(id);
    }

    @Override
    public Page<PublicDrug> drugs(
            @Nullable String q,
            @Nullable String approvalNumber,
            @Nullable String barcode,
            @Nullable String category,
            @Nullable Boolean rx,
            @Nullable String cursor,
            @Nullable Integer limit) {
        return search.drugs(new DrugQuery(q, approvalNumber, barcode, category, rx, cursor, limit));
    }

    @Override
    public PublicDrug drug(long id) {
        return search.drug(id);
    }
}
