package com.cogov.api.account;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane), stored as a PHC string so the parameters can
 * be raised later without invalidating existing hashes.
 */
@Singleton
class PasswordHasher {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordHasher.class);

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    // Each hash holds 19 MiB for its duration: unbounded, a burst of sign-ins could exhaust the heap and take the
    // node down. Beyond this many at once, callers wait briefly, then are told to retry.
    private static final int CONCURRENT_HASHES =
            Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private final Semaphore permits = new Semaphore(CONCURRENT_HASHES, true);

    private final SecureRandom random = new SecureRandom();
    // Verified against when the username is unknown, so that the answer takes as long as for a real account.
    private final String decoy = hash("decoy-password-that-matches-nothing");

    String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] digest = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, 32);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(digest);
    }

    /**
     * Whether the password is the one the account's stored hash was made from. A stored hash that cannot be read
     * (a damaged row) refuses the sign-in and is logged for an operator; it is never a 500.
     */
    boolean matches(String password, String encoded, long accountId) {
        try {
            return matches(password, encoded);
        } catch (MalformedHashException e) {
            LOG.error(
                    "The stored password hash of account {} is malformed ({}); its sign-in is refused until an "
                            + "administrator resets the password",
                    accountId,
                    e.getMessage());
            return false;
        }
    }

    private boolean matches(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            throw new MalformedHashException("not an argon2id PHC string");
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        byte[] expected;
        byte[] salt;
        try {
            for (String parameter : parts[3].split(",")) {
                int value = Integer.parseInt(parameter.substring(2));
                switch (parameter.charAt(0)) {
                    case 'm' -> memory = value;
                    case 't' -> iterations = value;
                    case 'p' -> parallelism = value;
                    default -> throw new MalformedHashException("unknown parameter");
                }
            }
            expected = B64D.decode(parts[5]);
            salt = B64D.decode(parts[4]);
        } catch (IllegalArgumentException
                | IndexOutOfBoundsException e) { // NumberFormatException is an IllegalArgumentException
            throw new MalformedHashException(e.getClass().getSimpleName());
        }
        // Bounds as a sane hash has them: a damaged row must not make us allocate gigabytes or spin for minutes.
        if (memory < 8 * parallelism
                || memory > 262_144
                || iterations < 1
                || iterations > 16
                || parallelism < 1
                || parallelism > 16
                || salt.length < 8
                || expected.length < 16) {
            throw new MalformedHashException("parameters out of range");
        }
        byte[] actual = derive(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** A stored hash that is not one this class wrote. */
    static final class MalformedHashException extends RuntimeException {
        MalformedHashException(String why) {
            super(why, null, false, false);
        }
    }

    /** Spends the same time as a real verification; always false. */
    boolean matchesNothing(String password) {
        matches(password, decoy);
        return false;
    }

    private byte[] derive(String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        try {
            if (!permits.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SignInBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInBusyException();
        }
        try {
            return argon2id(password, salt, memory, iterations, parallelism, length);
        } finally {
            permits.release();
        }
    }

    private static byte[] argon2id(
            String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
