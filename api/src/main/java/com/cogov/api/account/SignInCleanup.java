package com.cogov.api.account;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets sign-in challenges that have expired and failure counts whose window and lock are over: neither can
 * matter any more. Every node runs it; concurrent deletes of the same rows are harmless.
 * Off with {@code cogov.account.sign-in-cleanup.enabled=false}.
 */
@Singleton
@Requires(property = SignInCleanup.ENABLED, notEquals = StringUtils.FALSE, defaultValue = StringUtils.TRUE)
class SignInCleanup {

    static final String ENABLED = "cogov.account.sign-in-cleanup.enabled";
    private static final Logger LOG = LoggerFactory.getLogger(SignInCleanup.class);

    private final SignInChallenges challenges;
    private final SignInLockout lockout;
    private final Clock clock;

    SignInCleanup(SignInChallenges challenges, SignInLockout lockout, Clock clock) {
        this.challenges = challenges;
        this.lockout = lockout;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "2m")
    void forgetStale() {
        try {
            long deleted = challenges.forgetExpired() + lockout.forgetStale(clock.instant());
            if (deleted > 0) {
                LOG.debug("Forgot {} expired sign-in challenges and failure counts", deleted);
            }
        } catch (RuntimeException e) {
            // The next run tries again; an unreachable database is reported by the health check, not here.
            LOG.warn("Sign-in cleanup failed: {}", e.getClass().getSimpleName());
        }
    }
}
