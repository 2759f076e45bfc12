package com.cogov.bff.pharmacy;

import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.web.DistrictOperations;
import com.cogov.contracts.pharmacy.DistrictView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

@Controller("/mp/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Pharmacies")
class DistrictController implements DistrictOperations {

    private final PharmacyService pharmacies;

    DistrictController(PharmacyService pharmacies) {
        this.pharmacies = pharmacies;
    }

    @Override
    public List<DistrictView> districts() {
        return pharmacies.districts();
    }
}
