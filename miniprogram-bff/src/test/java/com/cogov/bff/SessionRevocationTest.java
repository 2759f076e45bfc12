package com.cogov.bff;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AuthRequests;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.Tokens;
import com.cogov.infra.dev.DevServicesTest;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.api.RedissonClient;

/**
 * An access token lives only as long as its sign-in: signing out, a stolen refresh token's replay, and a re-bind end
 * it at once (on another node within a second); and it works only at the app that issued it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRevocationTest implements DevServicesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SessionClient sessions;

    @Inject
    RedissonClient redis;

    @Inject
    TokenGenerator tokenGenerator;

    @Test
    void signingOutEndsTheAccessTokenAtOnce() {
        MiniProgramSessions mp = new MiniProgramSessions(client);
        Tokens tokens = mp.signIn("logout-" + UUID.randomUUID());
        assertThat(mp.call(HttpRequest.GET("/mp/v1/me"), tokens, ProfileView.class))
                .isNotNull();
        sessions.logout(new AuthRequests.Refresh(tokens.refreshToken()), CallerBinder.ANYONE);
        assertThat(mp.refused(HttpRequest.GET("/mp/v1/me").bearerAuth(tokens.accessToken()), 401)
                        .code())
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aReplayedRefreshTokenEndsEveryAccessTokenOfTheSignIn() {
        MiniProgramSessions mp = new MiniProgramSessions(client);
        Tokens first = mp.signIn("stolen-" + UUID.randomUUID());
        Tokens second = sessions.refresh(new AuthRequests.Refresh(first.refreshToken()), CallerBinder.ANYONE);
        assertThat(mp.call(HttpRequest.GET("/mp/v1/me"), second, ProfileView.class))
                .isNotNull();
        MiniProgramSessions.refused(
                () -> sessions.refresh(new AuthRequests.Refresh(first.refreshToken()), CallerBinder.ANYONE), 401);
        mp.refused(HttpRequest.GET("/mp/v1/me").bearerAuth(first.accessToken()), 401);
        mp.refused(HttpRequest.GET("/mp/v1/me").bearerAuth(second.accessToken()), 401);
    }

    @Test
    void aReplayedRefreshTokenOfASignInWhoseIdHoldsAPhoneShapedRunIsRefusedNotAnError() throws Exception {
        Tokens first = new MiniProgramSessions(client).signIn("phone-shaped-" + UUID.randomUUID());
        sessions.refresh(new AuthRequests.Refresh(first.refreshToken()), CallerBinder.ANYONE);
        // a random sid can hold a run of digits shaped like a mobile number (some do): the audit row of the
        // reuse must still be written, and the replay answered 401, not 500
        try (Connection c = devServices().openConnection();
                PreparedStatement digits =
                        c.prepareStatement("UPDATE refresh_token SET family_id = ? WHERE family_id = ?")) {
            digits.setString(
                    1, "f13987650000f" + Long.toHexString(System.nanoTime()).substring(0, 8) + "e".repeat(11));
            digits.setString(2, claims(first.accessToken()).get("sid").toString());
            assertThat(digits.executeUpdate()).isEqualTo(2);
        }
        MiniProgramSessions.refused(
                () -> sessions.refresh(new AuthRequests.Refresh(first.refreshToken()), CallerBinder.ANYONE), 401);
    }

    @Test
    void aRebindRetiresThePublicAccountsTokenAtOnce() {
        MiniProgramSessions mp = new MiniProgramSessions(client);
        Tokens manager = mp.signIn("demo-manager");
        IssuedCredential issued = mp.call(
                HttpRequest.POST("/mp/v1/pharmacy/clerks", new AccountRequests.CreateClerk("换绑店员")),
                manager,
                IssuedCredential.class);
        Tokens citizen = mp.signIn("rebind-" + UUID.randomUUID());
        assertThat(mp.call(HttpRequest.GET("/mp/v1/me"), citizen, ProfileView.class))
                .isNotNull();
        mp.call(
                HttpRequest.POST("/mp/v1/auth/bind", Map.of("activationCode", issued.activationCode())),
                citizen,
                Tokens.class);
        mp.refused(HttpRequest.GET("/mp/v1/me").bearerAuth(citizen.accessToken()), 401);
    }

    @Test
    void aSignOutOnAnotherNodeIsSeenHereWithinASecond() throws Exception {
        MiniProgramSessions mp = new MiniProgramSessions(client);
        Tokens tokens = mp.signIn("elsewhere-" + UUID.randomUUID());
        for (int i = 0; i < 3; i++) { // this node now keeps the sign-in as live
            assertThat(mp.call(HttpRequest.GET("/mp/v1/me"), tokens, ProfileView.class))
                    .isNotNull();
        }
        // What another node does on a sign-out: revoke the family, commit, then announce a new status version.
        try (Connection c = devServices().openConnection();
                PreparedStatement revoke = c.prepareStatement(
                        "UPDATE refresh_token SET revoked_at = NOW(6) WHERE family_id = ? AND revoked_at IS NULL")) {
            revoke.setString(1, claims(tokens.accessToken()).get("sid").toString());
            assertThat(revoke.executeUpdate()).isEqualTo(1);
        }
        redis.getAtomicLong("cogov:account:status-version").incrementAndGet();
        await("refused within the promised second")
                .atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> refusedWith401(tokens));
    }

    @Test
    void aPortalTokenIsRefusedHere() throws Exception {
        MiniProgramSessions mp = new MiniProgramSessions(client);
        Tokens tokens = mp.signIn("audience-" + UUID.randomUUID());
        Map<String, Object> claims = claims(tokens.accessToken());
        // the same sign-in, signed with the same key, but for the portal: what a portal token of this account looks
        // like
        Map<String, Object> forPortal = new HashMap<>(claims);
        forPortal.put("aud", "cogov-portal");
        String portalToken = tokenGenerator.generateToken(forPortal).orElseThrow();
        assertThat(mp.refused(HttpRequest.GET("/mp/v1/me").bearerAuth(portalToken), 401)
                        .code())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(mp.call(HttpRequest.GET("/mp/v1/me"), tokens, ProfileView.class))
                .isNotNull();
    }

    @Test
    void aPortalRefreshTokenIsRefusedHereAndItsSignInLivesOn() throws Exception {
        MiniProgramSessions mp = new MiniProgramSessions(client);
        Tokens tokens = mp.signIn("audience-refresh-" + UUID.randomUUID());
        try (Connection c = devServices().openConnection();
                PreparedStatement move =
                        c.prepareStatement("UPDATE refresh_token SET audience = 'cogov-portal' WHERE token_hash = ?")) {
            move.setString(
                    1,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(tokens.refreshToken().getBytes(UTF_8))));
            assertThat(move.executeUpdate()).isEqualTo(1);
        }
        assertThat(MiniProgramSessions.refused(
                                () -> sessions.refresh(
                                        new AuthRequests.Refresh(tokens.refreshToken()), CallerBinder.ANYONE),
                                401)
                        .code())
                .isEqualTo("TOKEN_INVALID");
        sessions.logout(new AuthRequests.Refresh(tokens.refreshToken()), CallerBinder.ANYONE);
        // neither the refresh nor the sign-out touched the portal's sign-in
        assertThat(mp.call(HttpRequest.GET("/mp/v1/me"), tokens, ProfileView.class))
                .isNotNull();
    }

    private boolean refusedWith401(Tokens tokens) {
        try {
            client.toBlocking().exchange(HttpRequest.GET("/mp/v1/me").bearerAuth(tokens.accessToken()));
            return false;
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode() == 401;
        }
    }

    private static Map<String, Object> claims(String jwt) throws java.text.ParseException {
        return SignedJWT.parse(jwt).getJWTClaimsSet().toJSONObject();
    }
}
