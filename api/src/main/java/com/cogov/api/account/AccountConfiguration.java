package com.cogov.api.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Session and sign-in limits. Staff limits follow 等保 2.0 and OWASP ASVS: idle 30 min, absolute 12 h; the public
 * keep a longer session on their own phone.
 */
@ConfigurationProperties("cogov.account")
record AccountConfiguration(
        @Bindable(defaultValue = "15m") Duration accessTokenLifetime,
        @Bindable(defaultValue = "30m") Duration staffIdleTimeout,
        @Bindable(defaultValue = "12h") Duration staffAbsoluteTimeout,
        @Bindable(defaultValue = "30d") Duration publicIdleTimeout,
        @Bindable(defaultValue = "90d") Duration publicAbsoluteTimeout,
        @Bindable(defaultValue = "5") int maxFailuresPerAccount,
        @Bindable(defaultValue = "15m") Duration failureWindow,
        @Bindable(defaultValue = "15m") Duration lockDuration,
        @Bindable(defaultValue = "5") int maxTriesPerChallenge,
        @Bindable(defaultValue = "30") int maxAttemptsPerAddress,
        @Bindable(defaultValue = "5m") Duration addressWindow,
        @Bindable(defaultValue = "72h") Duration activationCodeLifetime,
        @Bindable(defaultValue = "cogov") String totpIssuer) {}
