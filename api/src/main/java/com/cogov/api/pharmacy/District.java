package com.cogov.api.pharmacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("district")
record District(
        @Id String code,
        String name,
        @Nullable String parentCode,
        String level,
        @Nullable Instant retiredAt,
        int version) {

    boolean retired() {
        return retiredAt != null;
    }

    boolean isDistrict() {
        return "DISTRICT".equals(level);
    }
}
