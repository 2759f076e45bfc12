package com.cogov.api.account;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.Digests;
import com.cogov.contracts.account.IssuedCredential;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * What an issuer hands a new or reset account, shown once and stored only hashed: an activation code for mini-program
 * staff, a one-time password for portal users, a client secret for machine clients.
 */
@Singleton
class Credentials {

    private static final String ACTIVATION_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I/L

    private final AccountRepository accounts;
    private final ActivationCodeRepository activationCodes;
    private final PasswordHasher hasher;
    private final SignInLockout lockout;
    private final AuditService audit;
    private final AccountViews views;
    private final AccountConfiguration config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Credentials(
            AccountRepository accounts,
            ActivationCodeRepository activationCodes,
            PasswordHasher hasher,
            SignInLockout lockout,
            AuditService audit,
            AccountViews views,
            AccountConfiguration config,
            Clock clock) {
        this.accounts = accounts;
        this.activationCodes = activationCodes;
        this.hasher = hasher;
        this.lockout = lockout;
        this.audit = audit;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    /** A single-use code (72 h) that binds a WeChat identity to the account; it replaces any outstanding one. */
    IssuedCredential activationCode(Actor issuer, Account account) {
        Instant now = clock.instant();
        activationCodes.expireOutstanding(account.id(), now);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(ACTIVATION_ALPHABET.charAt(random.nextInt(ACTIVATION_ALPHABET.length())));
        }
        Instant expires = now.plus(config.activationCodeLifetime());
        activationCodes.save(new ActivationCode(
                null, Digests.sha256Hex(code.toString()), account.id(), issuer.accountId(), now, expires, null));
        audit.record(issuer, "account.activation-code.issue", "account", account.ref(), AuditOutcome.SUCCESS, Map.of());
        return new IssuedCredential(views.view(account), code.toString(), expires, null);
    }

    /** A machine client's secret: long and random, not subject to a forced change. */
    IssuedCredential clientSecret(Actor admin, Account account) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        accounts.updatePassword(account.id(), hasher.hash(secret), false);
        audit.record(
                admin,
                "account.password.reset",
                "account",
                account.ref(),
                AuditOutcome.SUCCESS,
                Map.of("kind", "client-secret"));
        return new IssuedCredential(views.view(accounts.findById(account.id()).orElseThrow()), null, null, secret);
    }

    /** A one-time password that must be changed at the next sign-in; the name's failures are forgiven. */
    IssuedCredential temporaryPassword(Actor admin, Account account) {
        String oneTime = oneTimePassword();
        accounts.updatePassword(account.id(), hasher.hash(oneTime), true);
        lockout.clear(lockout.subject(account.username()));
        audit.record(admin, "account.password.reset", "account", account.ref(), AuditOutcome.SUCCESS, Map.of());
        return new IssuedCredential(views.view(accounts.findById(account.id()).orElseThrow()), null, null, oneTime);
    }

    /** 14 characters of three kinds plus a symbol: meets the password policy, easy to read aloud (no 0/O, 1/l). */
    private String oneTimePassword() {
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            String pool = switch (i % 3) {
                case 0 -> lower;
                case 1 -> upper;
                default -> digits;
            };
            p.append(pool.charAt(random.nextInt(pool.length())));
        }
        return p.append('#').toString();
    }
}
