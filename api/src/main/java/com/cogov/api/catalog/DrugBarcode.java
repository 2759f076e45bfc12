package com.cogov.api.catalog;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("drug_barcode")
record DrugBarcode(@Id String barcode, String format, long drugId) {}
