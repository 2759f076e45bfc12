package com.cogov.api.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RefreshTokenRepository extends CrudRepository<RefreshToken, Long> {

    /** Locks the row so that two concurrent refreshes with the same token cannot both succeed. */
    @Query("SELECT * FROM refresh_token WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<RefreshToken> findByTokenHashForUpdate(String tokenHash);

    /** Marks a token used; returns 1 only for the first caller. */
    @Query("UPDATE refresh_token SET used_at = :now WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL")
    long markUsed(Long id, Instant now);

    @Query("UPDATE refresh_token SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
    long revokeFamily(String familyId, Instant now);

    @Query("UPDATE refresh_token SET revoked_at = :now WHERE account_id = :accountId AND revoked_at IS NULL")
    long revokeAllOfAccount(Long accountId, Instant now);
}
