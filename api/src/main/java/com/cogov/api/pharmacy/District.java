package com.cogov.api.pharmacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("district")
record District(@Id String code, String name, @Nullable String parentCode, String level) {}
