package com.cogov.api.buyer;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface IdentityReferenceRepository extends CrudRepository<IdentityReference, Long> {

    /** Scope and expiry are part of the query, so a reference of another pharmacy is never even loaded. */
    Optional<IdentityReference> findByRefHashAndPharmacyIdAndExpiresAtGreaterThan(
            String refHash, long pharmacyId, Instant now);

    @Query("DELETE FROM buyer_identity_reference WHERE expires_at < :cutoff")
    long deleteExpiredBefore(Instant cutoff);
}
