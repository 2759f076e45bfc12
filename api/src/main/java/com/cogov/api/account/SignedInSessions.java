package com.cogov.api.account;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.Digests;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.Tokens;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Map;

/** What a signed-in caller does with their sign-in: refresh its tokens, end it, and ask who they are. */
@Singleton
class SignedInSessions {

    private final Sessions sessions;
    private final AccountRepository accounts;
    private final AuditService audit;
    private final AccountViews views;

    SignedInSessions(Sessions sessions, AccountRepository accounts, AuditService audit, AccountViews views) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
        this.views = views;
    }

    /** Rotates the refresh token. Presenting a used one revokes the whole sign-in (it was copied). */
    Tokens refresh(String refreshToken, Actor caller) {
        Sessions.Rotation rotation = sessions.rotate(refreshToken);
        RefreshToken previous = rotation.token().orElse(null);
        if (rotation.outcome() == Sessions.Outcome.REUSED) {
            audit.record(
                    caller,
                    "account.token.reuse-detected",
                    "account",
                    String.valueOf(previous.accountId()),
                    AuditOutcome.DENIED,
                    // A fingerprint of the sign-in (sha256 of the token's sid), not the sid itself: a random hex id
                    // can hold a run of digits shaped like a phone number, which the trail refuses to record.
                    Map.of("session", Digests.sha256Hex(previous.familyId())));
        }
        if (rotation.outcome() != Sessions.Outcome.ROTATED) {
            throw SignInRejectedException.badToken();
        }
        Account account =
                accounts.findById(previous.accountId()).filter(Account::active).orElse(null);
        if (account == null) {
            sessions.close(refreshToken);
            throw SignInRejectedException.badToken();
        }
        return sessions.continueFamily(account, views.profileOf(account), previous);
    }

    /** Ends the sign-in: its refresh tokens are revoked and its access tokens refused from now on. */
    @Transactional
    void signOut(String refreshToken, Actor caller) {
        sessions.close(refreshToken)
                .ifPresent(token -> audit.record(
                        caller,
                        "account.sign-out",
                        "account",
                        String.valueOf(token.accountId()),
                        AuditOutcome.SUCCESS,
                        Map.of()));
    }

    @ReadOnly
    ProfileView profile(Actor caller) {
        return accounts.findById(caller.accountId())
                .map(views::profileOf)
                .orElseThrow(SignInRejectedException::badToken);
    }
}
