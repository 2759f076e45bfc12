package com.cogov.api.pharmacy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DistrictRepository extends CrudRepository<District, String> {

    List<District> findByLevelOrderByCode(String level);
}
