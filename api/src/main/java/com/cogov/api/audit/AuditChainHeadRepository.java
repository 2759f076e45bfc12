package com.cogov.api.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditChainHeadRepository extends GenericRepository<AuditChainHead, Integer> {

    /** Locks the head until the caller's transaction ends: appends from every app node queue here. */
    @Query("SELECT * FROM audit_chain_head WHERE id = 1 FOR UPDATE")
    AuditChainHead lock();

    @Query("SELECT * FROM audit_chain_head WHERE id = 1")
    AuditChainHead read();

    @Query("UPDATE audit_chain_head SET last_id = :lastId, last_hash = :lastHash WHERE id = 1")
    void advance(long lastId, String lastHash);
}
