package com.cogov.api.account;

import com.cogov.api.shared.Digests;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.Tokens;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-ins and their tokens. Access tokens are short-lived JWTs that any node verifies by signature; each names its
 * sign-in ({@code sid}, the refresh-token family), which every request checks against the revoked ones through
 * {@link AccountStatusCache}, so a sign-out or a revocation takes effect at once, not when the token expires. Refresh
 * tokens are opaque, stored hashed, single use and rotated, in families. Both are bound to the app that issued them
 * (the token's audience, {@code micronaut.application.name}): the other app refuses them.
 */
@Singleton
class Sessions {

    static final String CLAIM_USE = "use";
    static final String CLAIM_SESSION = "sid";
    static final String USE_ACCESS = "access";
    static final String CLAIM_AUDIENCE = "aud";

    private final TokenGenerator tokens;
    private final RefreshTokenRepository refreshTokens;
    private final AccountConfiguration config;
    private final Clock clock;
    private final String audience;
    private final ApplicationEventPublisher<AccountStatusCache.AccessChanged> revocations;
    private final SecureRandom random = new SecureRandom();

    Sessions(
            TokenGenerator tokens,
            RefreshTokenRepository refreshTokens,
            AccountConfiguration config,
            Clock clock,
            @Value("${micronaut.application.name:cogov}") String audience,
            ApplicationEventPublisher<AccountStatusCache.AccessChanged> revocations) {
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.config = config;
        this.clock = clock;
        this.audience = audience;
        this.revocations = revocations;
    }

    /** A new sign-in: a new refresh-token family and its first tokens. */
    @Transactional
    Tokens open(Account account, ProfileView profile) {
        Instant now = clock.instant();
        Instant familyExpiry = now.plus(absolute(account.role()));
        String familyId = HexFormat.of().formatHex(randomBytes(16));
        return tokensFor(account, profile, familyId, now, familyExpiry);
    }

    enum Outcome {
        ROTATED,
        REUSED,
        INVALID
    }

    record Rotation(Outcome outcome, Optional<RefreshToken> token, Optional<String> next) {}

    /**
     * Uses a refresh token. The caller gets the next token only once; a second presentation of the same token means
     * it was copied, and the whole family (the sign-in) is revoked. The revocation must commit even though the caller
     * then refuses the request, so it is reported, not thrown.
     */
    @Transactional
    Rotation rotate(String presented) {
        Instant now = clock.instant();
        Optional<RefreshToken> found = refreshTokens.findByTokenHashForUpdate(Digests.sha256Hex(presented));
        if (found.isEmpty()) {
            return new Rotation(Outcome.INVALID, found, Optional.empty());
        }
        RefreshToken token = found.get();
        if (!audience.equals(token.audience())) {
            // the other app's token: not ours to use, nor to revoke
            return new Rotation(Outcome.INVALID, Optional.empty(), Optional.empty());
        }
        if (token.usedAt() != null && token.revokedAt() == null) {
            revokeFamily(token, now);
            return new Rotation(Outcome.REUSED, found, Optional.empty());
        }
        if (token.revokedAt() != null
                || !token.expiresAt().isAfter(now)
                || !token.familyExpiresAt().isAfter(now)
                || refreshTokens.markUsed(token.id(), now) != 1) {
            return new Rotation(Outcome.INVALID, found, Optional.empty());
        }
        return new Rotation(Outcome.ROTATED, found, Optional.of(token.familyId()));
    }

    /** The next tokens of a family whose previous refresh token was just used. */
    @Transactional
    Tokens continueFamily(Account account, ProfileView profile, RefreshToken previous) {
        return tokensFor(account, profile, previous.familyId(), clock.instant(), previous.familyExpiresAt());
    }

    /** Ends the sign-in the refresh token belongs to, if it is this app's; its access tokens stop working at once. */
    @Transactional
    Optional<RefreshToken> close(String presented) {
        Optional<RefreshToken> token = refreshTokens
                .findByTokenHashForUpdate(Digests.sha256Hex(presented))
                .filter(t -> audience.equals(t.audience()));
        token.ifPresent(t -> revokeFamily(t, clock.instant()));
        return token;
    }

    /** Ends every sign-in of the account, on both apps. */
    @Transactional
    void closeAll(long accountId) {
        refreshTokens.revokeAllOfAccount(accountId, clock.instant());
        revocations.publishEvent(new AccountStatusCache.AccessChanged(accountId));
    }

    private void revokeFamily(RefreshToken token, Instant now) {
        refreshTokens.revokeFamily(token.familyId(), now);
        revocations.publishEvent(new AccountStatusCache.AccessChanged(token.accountId()));
    }

    private Tokens tokensFor(Account account, ProfileView profile, String familyId, Instant now, Instant familyExpiry) {
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        Instant idleExpiry = min(now.plus(idle(account.role())), familyExpiry);
        refreshTokens.save(new RefreshToken(
                null,
                Digests.sha256Hex(refresh),
                familyId,
                account.id(),
                now,
                idleExpiry,
                familyExpiry,
                null,
                null,
                audience));
        long accessSeconds = config.accessTokenLifetime().toSeconds();
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", String.valueOf(account.id()));
        claims.put("iss", "cogov");
        claims.put(CLAIM_AUDIENCE, audience);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + accessSeconds);
        claims.put("roles", List.of(account.role().name()));
        claims.put(CLAIM_USE, USE_ACCESS);
        claims.put(CLAIM_SESSION, familyId);
        if (account.pharmacyId() != null) {
            claims.put("pharmacyId", account.pharmacyId());
        }
        if (account.districtCode() != null) {
            claims.put("districtCode", account.districtCode());
        }
        if (account.enterpriseId() != null) {
            claims.put("enterpriseId", account.enterpriseId());
        }
        String access = tokens.generateToken(claims)
                .orElseThrow(() -> new IllegalStateException("No JWT generator: check micronaut.security.token.jwt"));
        return new Tokens(
                access,
                "Bearer",
                accessSeconds,
                refresh,
                Duration.between(now, idleExpiry).toSeconds(),
                profile);
    }

    private Duration idle(Role role) {
        return role == Role.PUBLIC ? config.publicIdleTimeout() : config.staffIdleTimeout();
    }

    private Duration absolute(Role role) {
        return role == Role.PUBLIC ? config.publicAbsoluteTimeout() : config.staffAbsoluteTimeout();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
