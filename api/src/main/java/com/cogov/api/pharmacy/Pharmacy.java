package com.cogov.api.pharmacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;

@MappedEntity("pharmacy")
record Pharmacy(
        @Id Long id,
        String licenseNumber,
        String creditCode,
        String name,
        String districtCode,
        String address,
        @Nullable BigDecimal latitude,
        @Nullable BigDecimal longitude,
        @Nullable String openingHours,
        @Nullable String phone,
        String status) {}
