package com.cogov.api.account;

import com.cogov.api.privacy.PrivacyService;
import com.cogov.contracts.account.SignInResult;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.OptionalLong;

/** The administrators' TOTP authenticator: enrolment of a pending secret, and codes that each sign in once. */
@Singleton
class SecondFactor {

    private final AccountRepository accounts;
    private final PrivacyService privacy;
    private final AccountConfiguration config;
    private final Clock clock;

    SecondFactor(AccountRepository accounts, PrivacyService privacy, AccountConfiguration config, Clock clock) {
        this.accounts = accounts;
        this.privacy = privacy;
        this.config = config;
        this.clock = clock;
    }

    /** The secret to enrol, with its QR-code URI; a pending secret is kept across retries, so a scanned code stays valid. */
    SignInResult.TotpEnrolment enrolment(Account account) {
        String secret =
                account.totpSecretSealed() != null ? privacy.open(account.totpSecretSealed()) : Totp.newSecret();
        if (account.totpSecretSealed() == null) {
            accounts.updateTotp(account.id(), privacy.seal(secret), false, null);
        }
        return new SignInResult.TotpEnrolment(secret, Totp.uri(config.totpIssuer(), account.username(), secret));
    }

    /** The time step the code matches, if it is right and later than any the account has used. */
    OptionalLong match(Account account, String code) {
        long lastStep = account.totpLastStep() == null ? Long.MIN_VALUE : account.totpLastStep();
        return Totp.verify(privacy.open(account.totpSecretSealed()), code, clock.instant(), lastStep);
    }

    /** Takes the step for this sign-in: false when another sign-in took it first with the same code. */
    boolean claim(Account account, long step) {
        return accounts.claimTotpStep(account.id(), step) == 1;
    }
}
