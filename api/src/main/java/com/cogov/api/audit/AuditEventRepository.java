package com.cogov.api.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/**
 * Read only: a GenericRepository, so there is no inherited save, update or delete to call by mistake.
 * The one write, the append, is {@link AuditAppender}'s.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditEventRepository extends GenericRepository<AuditEvent, Long> {

    /** The next rows of the chain after {@code afterId}, in id order (keyset pagination over the primary key). */
    @Query("SELECT * FROM audit_event WHERE id > :afterId ORDER BY id LIMIT :limit")
    List<AuditEvent> findChainPage(long afterId, int limit);
}
