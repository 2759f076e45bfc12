package com.cogov.api.catalog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DrugBarcodeRepository extends CrudRepository<DrugBarcode, String> {

    List<DrugBarcode> findByDrugId(long drugId);
}
