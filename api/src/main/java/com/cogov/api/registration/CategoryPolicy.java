package com.cogov.api.registration;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Local policy for one special category (docs/domain-rules.md §1 marks these as policy, not law): what to do with minors
 * where the law sets no ban, and the city-wide velocity limits for one buyer. Configured under
 * {@code cogov.registration.categories.<CATEGORY_CODE>}; a category not configured gets the defaults.
 */
@EachProperty("cogov.registration.categories")
record CategoryPolicy(
        @Parameter String name,
        @Bindable(defaultValue = "WARN") Mode minors,
        @Bindable(defaultValue = "WARN") Mode velocity,
        @Bindable(defaultValue = "4") int maxPackages24h,
        @Bindable(defaultValue = "10") int maxPackages7d,
        @Bindable(defaultValue = "3") int maxPharmacies7d) {

    enum Mode {
        OFF,
        WARN,
        BLOCK
    }

    static CategoryPolicy defaults(String category) {
        return new CategoryPolicy(category, Mode.WARN, Mode.WARN, 4, 10, 3);
    }
}
