package com.cogov.api.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ActivationCodeRepository extends CrudRepository<ActivationCode, Long> {

    Optional<ActivationCode> findByCodeHash(String codeHash);

    /** Single use: only the first caller gets 1. */
    @Query("UPDATE activation_code SET used_at = :now WHERE id = :id AND used_at IS NULL AND expires_at > :now")
    long markUsed(Long id, Instant now);

    /** A reissued code replaces the outstanding ones. */
    @Query("UPDATE activation_code SET used_at = :now WHERE account_id = :accountId AND used_at IS NULL")
    long expireOutstanding(Long accountId, Instant now);
}
