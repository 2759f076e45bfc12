package com.cogov.api.account;

import com.cogov.api.shared.Digests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A half-finished portal sign-in (the password is right; a password change or the second factor is still owed),
 * kept on the server under an opaque token. A challenge is single use: it ends when its step succeeds, and after
 * {@code cogov.account.max-tries-per-challenge} wrong answers, so one can neither be replayed nor brute-forced.
 */
@Singleton
class SignInChallenges {

    static final String STEP_PASSWORD = "password-change";
    static final String STEP_TOTP = "totp";
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final ChallengeRepository challenges;
    private final AccountConfiguration config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SignInChallenges(ChallengeRepository challenges, AccountConfiguration config, Clock clock) {
        this.challenges = challenges;
        this.config = config;
        this.clock = clock;
    }

    /** A new challenge for the account's next step; the token is shown once and stored hashed. */
    String issue(long accountId, String step) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        challenges.save(new Challenge(Digests.sha256Hex(token), accountId, step, now, now.plus(LIFETIME), 0, null));
        return token;
    }

    /** The account a live challenge of this step belongs to. */
    Optional<Long> accountOf(String token, String step) {
        return challenges
                .findLive(Digests.sha256Hex(token), step, clock.instant())
                .map(Challenge::accountId);
    }

    /** Ends the challenge because its step succeeded: true for exactly one caller, however many send it at once. */
    boolean complete(String token) {
        return challenges.end(Digests.sha256Hex(token), clock.instant()) == 1;
    }

    /** A wrong answer; the last allowed one ends the challenge. */
    void fail(String token) {
        challenges.fail(Digests.sha256Hex(token), config.maxTriesPerChallenge(), clock.instant());
    }

    /** Ends a challenge that must not go on (the account is locked meanwhile). */
    void abandon(String token) {
        complete(token);
    }

    long forgetExpired() {
        return challenges.deleteExpiredBefore(clock.instant().minus(LIFETIME));
    }

    @MappedEntity("sign_in_challenge")
    record Challenge(
            @Id String tokenHash,
            long accountId,
            String step,
            Instant issuedAt,
            Instant expiresAt,
            int failures,
            @Nullable Instant endedAt) {}

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface ChallengeRepository extends CrudRepository<Challenge, String> {

        @Query("""
                SELECT * FROM sign_in_challenge
                WHERE token_hash = :tokenHash AND step = :step AND ended_at IS NULL AND expires_at > :now""")
        Optional<Challenge> findLive(String tokenHash, String step, Instant now);

        @Query(
                "UPDATE sign_in_challenge SET ended_at = :now WHERE token_hash = :tokenHash AND ended_at IS NULL AND expires_at > :now")
        long end(String tokenHash, Instant now);

        /** ended_at is assigned first, from the count before this failure, whatever order the server applies. */
        @Query("""
                UPDATE sign_in_challenge SET ended_at = IF(failures + 1 >= :maxTries, :now, NULL), failures = failures + 1
                WHERE token_hash = :tokenHash AND ended_at IS NULL""")
        long fail(String tokenHash, int maxTries, Instant now);

        @Query("DELETE FROM sign_in_challenge WHERE expires_at < :before")
        long deleteExpiredBefore(Instant before);
    }
}
