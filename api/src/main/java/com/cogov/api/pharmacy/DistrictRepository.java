package com.cogov.api.pharmacy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DistrictRepository extends CrudRepository<District, String> {

    List<District> findByLevelOrderByCode(String level);

    /** What pickers offer: the districts in use. */
    List<District> findByLevelAndRetiredAtIsNullOrderByCode(String level);

    @Query("SELECT * FROM district ORDER BY code")
    List<District> findAllOrderByCode();

    /** The row, locked until the change's transaction ends (two administrators editing one district). */
    @Query("SELECT * FROM district WHERE code = :code FOR UPDATE")
    Optional<District> lock(String code);

    @Query(
            "UPDATE district SET name = :name, version = version + 1, updated_at = CURRENT_TIMESTAMP(6) WHERE code = :code")
    void rename(String code, String name);

    @Query("""
            UPDATE district SET retired_at = CURRENT_TIMESTAMP(6), version = version + 1, updated_at = CURRENT_TIMESTAMP(6)
            WHERE code = :code AND retired_at IS NULL""")
    long retire(String code);

    /** Pharmacies that are not closed, by district, for the tree. */
    @Query("SELECT COUNT(*) FROM pharmacy WHERE district_code = :code AND status <> 'CLOSED'")
    long countNotClosed(String code);
}
