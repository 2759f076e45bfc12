package com.cogov.api.account;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.Actor;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The audit rows every sign-in channel writes, in one vocabulary ({@code account.sign-in} with a channel or reason). */
@Singleton
class SignInAudit {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9_.-]{2,31}");

    private final AuditService audit;
    private final AccountRepository accounts;

    SignInAudit(AuditService audit, AccountRepository accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    void succeeded(Account account, Actor caller, String channel) {
        audit.record(
                account.actingFor(caller),
                "account.sign-in",
                "account",
                account.ref(),
                AuditOutcome.SUCCESS,
                Map.of("channel", channel));
    }

    void passwordChanged(Account account, Actor caller) {
        audit.record(
                account.actingFor(caller),
                "account.password.change",
                "account",
                account.ref(),
                AuditOutcome.SUCCESS,
                Map.of());
    }

    void totpEnrolled(Account account, Actor caller) {
        audit.record(
                account.actingFor(caller),
                "account.totp.enrol",
                "account",
                account.ref(),
                AuditOutcome.SUCCESS,
                Map.of());
    }

    /** A disabled (or deleted) account may not sign in on any channel. */
    void requireActive(Account account, Actor caller, String channel) {
        if (!account.active()) {
            audit.record(
                    account.actingFor(caller),
                    "account.sign-in",
                    "account",
                    account.ref(),
                    AuditOutcome.DENIED,
                    Map.of("reason", "disabled", "channel", channel));
            throw accounts.countDisabledWithPharmacy(account.id()) > 0
                    ? AccountDisabledException.withPharmacy()
                    : new AccountDisabledException();
        }
    }

    /** A failed or refused attempt, against the account when the name is one, else against what was typed. */
    void failed(
            @Nullable Account account,
            String typedName,
            Actor caller,
            AuditOutcome outcome,
            Map<String, String> details) {
        if (account != null) {
            audit.record(account.actingFor(caller), "account.sign-in", "account", account.ref(), outcome, details);
            return;
        }
        // What was typed is only recorded when it could be a username: people type phone numbers there too.
        String typed = USERNAME.matcher(typedName.strip()).matches() ? typedName.strip() : "(not a username)";
        Map<String, String> unknown = new HashMap<>(details);
        if (outcome == AuditOutcome.FAILURE) {
            unknown.put("reason", "unknown-user");
        }
        audit.record(caller, "account.sign-in", "username", typed, outcome, unknown);
    }
}
