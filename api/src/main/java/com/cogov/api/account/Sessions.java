package com.cogov.api.account;

import com.cogov.api.shared.Digests;
import com.cogov.api.shared.SecretsConfiguration;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.Tokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three kinds of token. Access tokens are short-lived JWTs that any node verifies without a database (so
 * registrations keep working through a Redis outage); refresh tokens are opaque, stored hashed, single use and
 * rotated, in families; challenge tokens carry a half-finished portal sign-in between steps, signed with a key
 * derived for that purpose only, so one can never pass as an access token.
 */
@Singleton
class Sessions {

    static final String CLAIM_USE = "use";
    static final String CLAIM_SESSION = "sid";
    static final String USE_ACCESS = "access";

    private final TokenGenerator tokens;
    private final RefreshTokenRepository refreshTokens;
    private final AccountConfiguration config;
    private final Clock clock;
    private final byte[] challengeKey;
    private final SecureRandom random = new SecureRandom();

    Sessions(TokenGenerator tokens, RefreshTokenRepository refreshTokens, AccountConfiguration config,
             SecretsConfiguration secrets, Clock clock) {
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.config = config;
        this.clock = clock;
        this.challengeKey = hmac(secrets.tokenSigningKey().getBytes(StandardCharsets.UTF_8), "sign-in-challenge");
    }

    /** A new sign-in: a new refresh-token family and its first tokens. */
    @Transactional
    Tokens open(Account account, ProfileView profile) {
        Instant now = clock.instant();
        Instant familyExpiry = now.plus(absolute(account.role()));
        String familyId = HexFormat.of().formatHex(randomBytes(16));
        return tokensFor(account, profile, familyId, now, familyExpiry);
    }

    enum Outcome { ROTATED, REUSED, INVALID }

    record Rotation(Outcome outcome, Optional<RefreshToken> token, Optional<String> next) {
    }

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
        if (token.usedAt() != null && token.revokedAt() == null) {
            refreshTokens.revokeFamily(token.familyId(), now);
            return new Rotation(Outcome.REUSED, found, Optional.empty());
        }
        if (token.revokedAt() != null || !token.expiresAt().isAfter(now) || !token.familyExpiresAt().isAfter(now)
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

    @Transactional
    void close(String presented) {
        refreshTokens.findByTokenHashForUpdate(Digests.sha256Hex(presented))
                .ifPresent(t -> refreshTokens.revokeFamily(t.familyId(), clock.instant()));
    }

    @Transactional
    void closeAll(long accountId) {
        refreshTokens.revokeAllOfAccount(accountId, clock.instant());
    }

    Optional<RefreshToken> peek(String presented) {
        return refreshTokens.findByTokenHashForUpdate(Digests.sha256Hex(presented));
    }

    private Tokens tokensFor(Account account, ProfileView profile, String familyId, Instant now, Instant familyExpiry) {
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        Instant idleExpiry = min(now.plus(idle(account.role())), familyExpiry);
        refreshTokens.save(new RefreshToken(null, Digests.sha256Hex(refresh), familyId, account.id(), now, idleExpiry, familyExpiry,
                null, null));
        long accessSeconds = config.accessTokenLifetime().toSeconds();
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", String.valueOf(account.id()));
        claims.put("iss", "cogov");
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
        return new Tokens(access, "Bearer", accessSeconds, refresh, Duration.between(now, idleExpiry).toSeconds(), profile);
    }

    /** A signed note of which sign-in step an account has reached; valid 5 minutes. */
    String challenge(long accountId, String step) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(String.valueOf(accountId)).claim("step", step).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(challengeKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account id, if the challenge is genuine, unexpired and for this step. */
    Optional<Long> readChallenge(String token, String step) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid = jwt.verify(new MACVerifier(challengeKey))
                    && step.equals(claims.getStringClaim("step"))
                    && claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(clock.instant());
            return valid ? Optional.of(Long.parseLong(claims.getSubject())) : Optional.empty();
        } catch (ParseException | JOSEException | NumberFormatException e) {
            return Optional.empty();
        }
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

    private static byte[] hmac(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
