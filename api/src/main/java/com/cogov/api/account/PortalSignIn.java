package com.cogov.api.account;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.SignInResult;
import com.cogov.contracts.account.Tokens;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Portal sign-in: the password, then as the account needs a forced password change and the administrators' second
 * factor, each step carried by a single-use challenge; and machine clients' client credentials.
 */
@Singleton
class PortalSignIn {

    static final Set<Role> MACHINE_CLIENTS = EnumSet.of(Role.PARTNER_SYSTEM, Role.DATA_CENTRE);

    private final AccountRepository accounts;
    private final Sessions sessions;
    private final SignInChallenges challenges;
    private final PasswordCheck passwords;
    private final PasswordHasher hasher;
    private final SecondFactor secondFactor;
    private final SignInAudit signIns;
    private final AccountViews views;

    PortalSignIn(
            AccountRepository accounts,
            Sessions sessions,
            SignInChallenges challenges,
            PasswordCheck passwords,
            PasswordHasher hasher,
            SecondFactor secondFactor,
            SignInAudit signIns,
            AccountViews views) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.challenges = challenges;
        this.passwords = passwords;
        this.hasher = hasher;
        this.secondFactor = secondFactor;
        this.signIns = signIns;
        this.views = views;
    }

    /** The first step; an unknown name is counted and locked exactly as a real one (both answer 401, then 423). */
    SignInResult withPassword(String username, String password, Actor caller) {
        Account account = accounts.findByUsername(username.strip())
                .filter(a -> !MACHINE_CLIENTS.contains(a.role()))
                .orElse(null);
        Account checked = passwords.verify(account, username, password, caller, "password");
        signIns.requireActive(checked, caller, "password");
        return nextStep(checked, caller);
    }

    /** Machine clients get tokens directly: no password change, no second factor; the same lockout applies. */
    Tokens client(String clientId, String secret, Actor caller) {
        Account client = accounts.findByUsername(clientId.strip())
                .filter(a -> MACHINE_CLIENTS.contains(a.role()))
                .orElse(null);
        Account checked = passwords.verify(client, clientId, secret, caller, "client-secret");
        signIns.requireActive(checked, caller, "client-credentials");
        passwords.forgive(checked);
        signIns.succeeded(checked, caller, "client-credentials");
        return sessions.open(checked, views.profileOf(checked));
    }

    /** Forced change at the first sign-in and after an administrator's reset; the challenge is used up by it. */
    @Transactional
    SignInResult changePassword(String challengeToken, String newPassword, Actor caller) {
        Account account = challenged(challengeToken, SignInChallenges.STEP_PASSWORD);
        List<String> problems = PasswordPolicy.problems(newPassword, account.username());
        if (!problems.isEmpty()) {
            throw new WeakPasswordException(problems);
        }
        if (!challenges.complete(challengeToken)) {
            throw SignInRejectedException.badToken();
        }
        accounts.updatePassword(account.id(), hasher.hash(newPassword), false);
        signIns.passwordChanged(account, caller);
        return nextStep(accounts.findById(account.id()).orElseThrow(), caller);
    }

    /**
     * Second factor for administrators: enrols the pending secret on first use, then accepts each code once. Wrong
     * codes count with wrong passwords towards the lockout; a challenge allows a few tries and then ends.
     */
    @Transactional(noRollbackFor = {SignInRejectedException.class, SignInThrottledException.class})
    SignInResult verifyTotp(String challengeToken, String code, Actor caller) {
        Account account = challenged(challengeToken, SignInChallenges.STEP_TOTP);
        if (account.totpSecretSealed() == null) {
            throw SignInRejectedException.badToken();
        }
        boolean locked;
        try {
            locked = passwords.checkLockBeforeSecondFactor(account, caller);
        } catch (SignInThrottledException e) {
            challenges.abandon(challengeToken);
            throw e;
        }
        OptionalLong step = secondFactor.match(account, code);
        if (step.isEmpty()) {
            challenges.fail(challengeToken);
            passwords.recordFailure(account, caller, "totp");
            throw SignInRejectedException.badTotp();
        }
        if (!challenges.complete(challengeToken)) {
            throw SignInRejectedException.badToken();
        }
        if (!secondFactor.claim(account, step.getAsLong())) {
            // the same code, already used by a sign-in that got there first
            passwords.recordFailure(account, caller, "totp-replayed");
            throw SignInRejectedException.badTotp();
        }
        if (!account.totpEnrolled()) {
            signIns.totpEnrolled(account, caller);
        }
        return signedIn(account, caller, "password+totp", locked);
    }

    private SignInResult nextStep(Account account, Actor caller) {
        if (account.passwordChangeRequired()) {
            return SignInResult.next(
                    SignInResult.Status.PASSWORD_CHANGE_REQUIRED,
                    challenges.issue(account.id(), SignInChallenges.STEP_PASSWORD),
                    null);
        }
        if (account.role().requiresSecondFactor()) {
            String challenge = challenges.issue(account.id(), SignInChallenges.STEP_TOTP);
            return account.totpEnrolled()
                    ? SignInResult.next(SignInResult.Status.TOTP_REQUIRED, challenge, null)
                    : SignInResult.next(
                            SignInResult.Status.TOTP_ENROLMENT_REQUIRED, challenge, secondFactor.enrolment(account));
        }
        return signedIn(account, caller, "password", false);
    }

    /** A complete sign-in forgives the name's failures, unless a lock is in force (it is then the strangers' to wait out). */
    private SignInResult signedIn(Account account, Actor caller, String channel, boolean locked) {
        if (!locked) {
            passwords.forgive(account);
        }
        signIns.succeeded(account, caller, channel);
        return SignInResult.signedIn(sessions.open(account, views.profileOf(account)));
    }

    private Account challenged(String challengeToken, String step) {
        return challenges
                .accountOf(challengeToken, step)
                .flatMap(accounts::findById)
                .filter(Account::active)
                .orElseThrow(SignInRejectedException::badToken);
    }
}
