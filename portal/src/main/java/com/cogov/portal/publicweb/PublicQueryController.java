package com.cogov.portal.publicweb;

import com.cogov.api.catalog.CatalogService;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.web.CatalogOperations;
import com.cogov.api.web.DistrictOperations;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.pharmacy.DistrictView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Queries the public may make on the web portal without signing in: the lookups the mini-program offers too. */
@Controller("/portal/v1/public")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Public queries")
class PublicQueryController implements CatalogOperations, DistrictOperations {

    private final CatalogService catalog;
    private final PharmacyService pharmacies;

    PublicQueryController(CatalogService catalog, PharmacyService pharmacies) {
        this.catalog = catalog;
        this.pharmacies = pharmacies;
    }

    @Override
    public DrugView drugByBarcode(String code) {
        return catalog.findByCode(code);
    }

    @Override
    public List<DistrictView> districts() {
        return pharmacies.districts();
    }
}
