package com.cogov.bff.crossborder;

import com.cogov.api.crossborder.CrossBorderService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.web.CrossBorderOperations;
import com.cogov.contracts.crossborder.PublicCrossBorderPharmacistView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The mini-program's check of the cross-border register, open to everyone. */
@Controller("/mp/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Public cross-border pharmacists")
class PublicCrossBorderController implements CrossBorderOperations {

    private final CrossBorderService register;

    PublicCrossBorderController(CrossBorderService register) {
        this.register = register;
    }

    @Override
    public Page<PublicCrossBorderPharmacistView> searchCrossBorderPharmacists(
            @Nullable String q, @Nullable String cursor, @Nullable Integer limit) {
        return register.search(q, PageRequest.of(limit, cursor));
    }
}
