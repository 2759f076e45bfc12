package com.cogov.api.pharmacy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PharmacyRepository extends CrudRepository<Pharmacy, Long> {

    java.util.List<Pharmacy> findByIdIn(java.util.Collection<Long> ids);

    @Query("UPDATE pharmacy SET status = :status, updated_at = CURRENT_TIMESTAMP(6) WHERE id = :id")
    void updateStatus(Long id, String status);
}
