package com.cogov.api.account;

import com.cogov.api.shared.Digests;
import com.cogov.api.shared.SecretsConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins per name, and the lock they lead to. A name is counted whether or not an account has it, so an
 * unknown name answers 401 and then 423 exactly as a real one, and the answers never tell which names exist.
 * Password and second-factor failures share the one counter.
 * <p>
 * Each failure is one conditional statement (insert, or count within the window and lock at the limit), so failures
 * sent at once are all counted: a read-modify-write would let concurrent guesses count as one.
 * <p>
 * So that a lockout cannot be used to shut the city out, an administrator with a second factor may still sign in while
 * locked, from an address that has not failed against the account (remembered in Redis for the lock's span; with
 * Redis down no address qualifies and the lock holds).
 */
@Singleton
class SignInLockout {

    private static final Logger LOG = LoggerFactory.getLogger(SignInLockout.class);

    /** What one failure left behind: the count in the window (0 once it locked) and the lock, if it locked. */
    record Failure(int failures, @Nullable Instant lockedUntil) {}

    private final LockoutRepository lockouts;
    private final RedissonClient redis;
    private final AccountConfiguration config;
    private final byte[] subjectKey;

    SignInLockout(
            LockoutRepository lockouts,
            RedissonClient redis,
            AccountConfiguration config,
            SecretsConfiguration secrets) {
        this.lockouts = lockouts;
        this.redis = redis;
        this.config = config;
        this.subjectKey =
                Digests.hmacSha256(secrets.tokenSigningKey().getBytes(StandardCharsets.UTF_8), "sign-in-subject");
    }

    /** The counter's key for a typed name: keyed, because people type phone numbers into the username field. */
    String subject(String name) {
        return Digests.hmacSha256Hex(subjectKey, name.strip().toLowerCase(Locale.ROOT));
    }

    Optional<Instant> lockedUntil(String subject, Instant now) {
        return lockouts.findById(subject).map(Lockout::lockedUntil).filter(until -> until.isAfter(now));
    }

    Set<String> lockedSubjects(Instant now) {
        return new HashSet<>(lockouts.findLockedSubjects(now));
    }

    Failure recordFailure(String subject, String address, Instant now) {
        lockouts.recordFailure(
                subject,
                now,
                now.minus(config.failureWindow()),
                config.maxFailuresPerAccount(),
                now.plus(config.lockDuration()));
        rememberFailedAddress(subject, address);
        Lockout after = lockouts.findById(subject).orElseThrow();
        return new Failure(
                after.failures(),
                after.lockedUntil() != null && after.lockedUntil().isAfter(now) ? after.lockedUntil() : null);
    }

    /** After a complete sign-in, or an administrator's unlock or reset. */
    void clear(String subject) {
        lockouts.deleteById(subject);
    }

    /** Whether a locked administrator may try from this address: only if nothing failed from it against the account. */
    boolean mayTryWhileLocked(String subject, String address) {
        try {
            return !redis.getBucket(addressKey(subject, address)).isExists();
        } catch (RuntimeException redisDown) {
            LOG.warn(
                    "Locked sign-in refused: Redis unavailable to tell whether the address failed ({})",
                    redisDown.getClass().getSimpleName());
            return false;
        }
    }

    /** Rows of names whose window and lock are over: the table holds only what can still matter. */
    long forgetStale(Instant now) {
        return lockouts.deleteStale(now.minus(config.failureWindow()), now);
    }

    private void rememberFailedAddress(String subject, String address) {
        try {
            redis.<String>getBucket(addressKey(subject, address))
                    .set("1", config.lockDuration().plus(config.failureWindow()));
        } catch (RuntimeException redisDown) {
            // then no address may try while locked (mayTryWhileLocked fails closed)
        }
    }

    private String addressKey(String subject, String address) {
        return "cogov:signin:failed-from:" + subject + ":" + Digests.sha256Hex(String.valueOf(address));
    }

    @MappedEntity("sign_in_lockout")
    record Lockout(
            @Id String subject,
            int failures,
            Instant firstFailedAt,
            @Nullable Instant lockedUntil) {}

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface LockoutRepository extends CrudRepository<Lockout, String> {

        /**
         * One failure, counted atomically. Every assignment reads only columns not yet assigned (locked_until, then
         * failures, then first_failed_at), so the result is the same whether the server applies them left to right
         * (MySQL, MariaDB) or all at once. Reaching the limit locks and starts the count again.
         */
        @Query("""
                INSERT INTO sign_in_lockout (subject, failures, first_failed_at, locked_until)
                VALUES (:subject, IF(1 >= :max, 0, 1), :now, IF(1 >= :max, :lockUntil, NULL))
                ON DUPLICATE KEY UPDATE
                    locked_until = IF(IF(first_failed_at > :windowStart, failures + 1, 1) >= :max, :lockUntil, locked_until),
                    failures = IF(IF(first_failed_at > :windowStart, failures + 1, 1) >= :max, 0,
                                  IF(first_failed_at > :windowStart, failures + 1, 1)),
                    first_failed_at = IF(first_failed_at > :windowStart, first_failed_at, :now)""")
        void recordFailure(String subject, Instant now, Instant windowStart, int max, Instant lockUntil);

        @Query("SELECT subject FROM sign_in_lockout WHERE locked_until > :now")
        java.util.List<String> findLockedSubjects(Instant now);

        @Query("""
                DELETE FROM sign_in_lockout
                WHERE first_failed_at < :windowStart AND (locked_until IS NULL OR locked_until < :now)""")
        long deleteStale(Instant windowStart, Instant now);
    }
}
