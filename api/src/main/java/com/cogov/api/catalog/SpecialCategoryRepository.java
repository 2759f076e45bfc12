package com.cogov.api.catalog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SpecialCategoryRepository extends CrudRepository<SpecialCategory, String> {}
