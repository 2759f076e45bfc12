package com.cogov.api.catalog;

import com.cogov.contracts.catalog.DrugStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("drug")
record Drug(
        @Id @GeneratedValue Long id,
        String name,
        String genericName,
        String maker,
        String strength,
        String dosageForm,
        String packageUnit,
        String approvalNumber,
        @Nullable String specialCategoryCode,
        boolean prescriptionOnly,
        @Nullable Integer perSaleLimit,
        @Nullable String productIdentifier,
        DrugStatus status) {

    boolean active() {
        return status == DrugStatus.ACTIVE;
    }
}
