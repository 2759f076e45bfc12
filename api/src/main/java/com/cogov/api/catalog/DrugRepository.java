package com.cogov.api.catalog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DrugRepository extends CrudRepository<Drug, Long> {

    Optional<Drug> findByProductIdentifier(String productIdentifier);
}
