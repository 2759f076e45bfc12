package com.cogov.api.account;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.shared.Actor;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A name and its secret (a password, or a machine client's secret) against the address limit and the name's lockout.
 * Every failure, of the secret here or of the second factor later, is counted through {@link #recordFailure}.
 */
@Singleton
class PasswordCheck {

    private final PasswordHasher hasher;
    private final SignInLockout lockout;
    private final AddressThrottle addressThrottle;
    private final SignInAudit signIns;
    private final Clock clock;

    PasswordCheck(
            PasswordHasher hasher,
            SignInLockout lockout,
            AddressThrottle addressThrottle,
            SignInAudit signIns,
            Clock clock) {
        this.hasher = hasher;
        this.lockout = lockout;
        this.addressThrottle = addressThrottle;
        this.signIns = signIns;
        this.clock = clock;
    }

    /**
     * The account, if the secret is its own. A locked administrator with a second factor may still try from an address
     * that has not failed against the account, so that a stranger's failures cannot shut the city's administrators
     * out; the second factor still follows. An unknown name costs the same time and is counted the same way.
     */
    Account verify(@Nullable Account account, String typedName, String secret, Actor caller, String reason) {
        String address = String.valueOf(caller.sourceAddress());
        addressThrottle.check(address);
        boolean known = account != null && account.passwordHash() != null;
        String subject = lockout.subject(known ? account.username() : typedName);
        Instant now = clock.instant();
        Optional<Instant> locked = lockout.lockedUntil(subject, now);
        if (locked.isPresent() && !(known && outlastsLock(account) && lockout.mayTryWhileLocked(subject, address))) {
            signIns.failed(known ? account : null, typedName, caller, AuditOutcome.DENIED, Map.of("reason", "locked"));
            throw SignInThrottledException.accountLocked(Duration.between(now, locked.get()));
        }
        boolean matches =
                known ? hasher.matches(secret, account.passwordHash(), account.id()) : hasher.matchesNothing(secret);
        if (!matches) {
            recordFailure(subject, known ? account : null, typedName, caller, reason);
            throw SignInRejectedException.badCredentials();
        }
        return account;
    }

    /** Not in the sign-in's transaction where there is none: the count and the audit row must stay although it fails. */
    private void recordFailure(
            String subject, @Nullable Account account, String typedName, Actor caller, String reason) {
        SignInLockout.Failure failure =
                lockout.recordFailure(subject, String.valueOf(caller.sourceAddress()), clock.instant());
        signIns.failed(
                account,
                typedName,
                caller,
                AuditOutcome.FAILURE,
                failure.lockedUntil() == null
                        ? Map.of("reason", reason, "failures", String.valueOf(failure.failures()))
                        : Map.of(
                                "reason",
                                reason,
                                "lockedUntil",
                                failure.lockedUntil().toString()));
    }

    /**
     * Before a second-factor code is checked: a name locked meanwhile refuses it, except from an address that has not
     * failed against it. Answers whether a lock is in force (a complete sign-in then leaves it in place).
     */
    boolean checkLockBeforeSecondFactor(Account account, Actor caller) {
        String subject = lockout.subject(account.username());
        Instant now = clock.instant();
        Optional<Instant> locked = lockout.lockedUntil(subject, now);
        if (locked.isPresent() && !lockout.mayTryWhileLocked(subject, String.valueOf(caller.sourceAddress()))) {
            signIns.failed(account, account.username(), caller, AuditOutcome.DENIED, Map.of("reason", "locked"));
            throw SignInThrottledException.accountLocked(Duration.between(now, locked.get()));
        }
        return locked.isPresent();
    }

    /** A wrong second-factor code counts with wrong passwords. */
    void recordFailure(Account account, Actor caller, String reason) {
        recordFailure(lockout.subject(account.username()), account, account.username(), caller, reason);
    }

    /** A complete sign-in, a reset or an unlock forgives the name's failures. */
    void forgive(Account account) {
        if (account.username() != null) {
            lockout.clear(lockout.subject(account.username()));
        }
    }

    /** Administrators must finish with their second factor, so a right password alone cannot get through a lock. */
    private static boolean outlastsLock(Account account) {
        return account.role().requiresSecondFactor() && account.totpEnrolled();
    }
}
