package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.api.account.Authenticator;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.SignInResult;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Staff sign-in on the portal: passwords, forced change, lockout, the administrators' second factor. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalSignInTest implements PortalTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String STRONG = "Jiang-Cheng-2026!";

    @Inject
    @Client("/")
    HttpClient client;

    PortalSessions portal;

    @BeforeEach
    void setUp() {
        portal = new PortalSessions(client);
    }

    @Test
    void aDemoEnterpriseUserSignsInWithTheirPassword() {
        SignInResult result =
                portal.login("enterprise", devServices().demoPasswords().get("enterprise"));
        assertThat(result.status()).isEqualTo(SignInResult.Status.SIGNED_IN);
        ProfileView me =
                portal.call(HttpRequest.GET("/portal/v1/me"), result.tokens().accessToken(), ProfileView.class);
        assertThat(me.role()).isEqualTo(Role.ENTERPRISE_USER);
        assertThat(me.enterpriseId()).isEqualTo(1L);
    }

    @Test
    void aNewAccountMustChangeItsOneTimePasswordToAStrongOne() {
        IssuedCredential issued = newEnterpriseUser();
        SignInResult first = portal.login(issued.account().username(), issued.temporaryPassword());
        assertThat(first.status()).isEqualTo(SignInResult.Status.PASSWORD_CHANGE_REQUIRED);
        assertThat(first.tokens()).isNull();

        var weak = portal.refused(
                HttpRequest.POST(
                        "/portal/v1/auth/password",
                        Map.of("challengeToken", first.challengeToken(), "newPassword", "password1")),
                400);
        assertThat(weak.code()).isEqualTo("PASSWORD_TOO_WEAK");
        assertThat(weak.errors())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.field()).isEqualTo("newPassword"));

        SignInResult changed =
                portal.step("password", Map.of("challengeToken", first.challengeToken(), "newPassword", STRONG));
        assertThat(changed.status()).isEqualTo(SignInResult.Status.SIGNED_IN);
        assertThat(portal.login(issued.account().username(), STRONG).status()).isEqualTo(SignInResult.Status.SIGNED_IN);
        portal.refused(
                HttpRequest.POST(
                        "/portal/v1/auth/login",
                        Map.of("username", issued.account().username(), "password", issued.temporaryPassword())),
                401);
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheLockExpires() {
        String username = activeEnterpriseUser();
        for (int i = 0; i < 5; i++) {
            assertThat(portal.refused(
                                    HttpRequest.POST(
                                            "/portal/v1/auth/login",
                                            Map.of("username", username, "password", "Wrong-Password-" + i)),
                                    401)
                            .code())
                    .isEqualTo("CREDENTIALS_INVALID");
        }
        HttpClientResponseException locked = portal.failure(
                HttpRequest.POST("/portal/v1/auth/login", Map.of("username", username, "password", STRONG)));
        assertThat(locked.getStatus().getCode()).isEqualTo(423);
        assertThat(locked.getResponse().header("Retry-After")).isNotBlank();
        assertThat(locked.getResponse().getBody(String.class).orElseThrow()).contains("ACCOUNT_LOCKED");

        // the test configuration locks for 3 s instead of 15 min
        await().atMost(Duration.ofSeconds(6))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .untilAsserted(() ->
                        assertThat(portal.login(username, STRONG).status()).isEqualTo(SignInResult.Status.SIGNED_IN));
    }

    @Test
    void aPartnerSystemSignsInWithClientCredentialsIssuedOnce() {
        IssuedCredential issued = portal.call(
                HttpRequest.POST(
                        "/portal/v1/accounts",
                        new AccountRequests.Create(
                                Role.PARTNER_SYSTEM, "医保结算平台", "partner" + USERS.incrementAndGet(), null, null, null)),
                portal.admin(devServices()),
                IssuedCredential.class);
        assertThat(issued.temporaryPassword()).hasSizeGreaterThanOrEqualTo(43);
        var tokens = client.toBlocking()
                .retrieve(
                        HttpRequest.POST(
                                "/portal/v1/auth/client-token",
                                Map.of(
                                        "clientId",
                                        issued.account().username(),
                                        "clientSecret",
                                        issued.temporaryPassword())),
                        com.cogov.contracts.account.Tokens.class);
        assertThat(tokens.profile().role()).isEqualTo(Role.PARTNER_SYSTEM);
        assertThat(portal.refused(
                                HttpRequest.POST(
                                        "/portal/v1/auth/client-token",
                                        Map.of("clientId", issued.account().username(), "clientSecret", "wrong")),
                                401)
                        .code())
                .isEqualTo("CREDENTIALS_INVALID");
        // a staff user's password is not a client secret
        portal.refused(
                HttpRequest.POST(
                        "/portal/v1/auth/client-token",
                        Map.of(
                                "clientId",
                                "enterprise",
                                "clientSecret",
                                devServices().demoPasswords().get("enterprise"))),
                401);
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
        assertThat(portal.refused(
                                HttpRequest.POST(
                                        "/portal/v1/auth/login", Map.of("username", "nobody-here", "password", STRONG)),
                                401)
                        .code())
                .isEqualTo("CREDENTIALS_INVALID");
    }

    @Test
    void anAdministratorEnrolsTotpAndEachCodeWorksOnce() {
        IssuedCredential issued = portal.call(
                HttpRequest.POST(
                        "/portal/v1/accounts",
                        new AccountRequests.Create(
                                Role.CITY_ADMIN, "第二管理员", "admin" + USERS.incrementAndGet(), null, null, null)),
                portal.admin(devServices()),
                IssuedCredential.class);
        SignInResult first = portal.login(issued.account().username(), issued.temporaryPassword());
        SignInResult enrol =
                portal.step("password", Map.of("challengeToken", first.challengeToken(), "newPassword", STRONG));
        assertThat(enrol.status()).isEqualTo(SignInResult.Status.TOTP_ENROLMENT_REQUIRED);
        assertThat(enrol.totpEnrolment().otpauthUri())
                .startsWith("otpauth://totp/")
                .contains(enrol.totpEnrolment().secret());

        String secret = enrol.totpEnrolment().secret();
        assertThat(portal.refused(
                                HttpRequest.POST(
                                        "/portal/v1/auth/totp",
                                        Map.of(
                                                "challengeToken",
                                                enrol.challengeToken(),
                                                "code",
                                                wrong(Authenticator.code(secret, Instant.now())))),
                                401)
                        .code())
                .isEqualTo("TOTP_INVALID");
        String code = Authenticator.code(secret, Instant.now());
        SignInResult signedIn = portal.step("totp", Map.of("challengeToken", enrol.challengeToken(), "code", code));
        assertThat(signedIn.status()).isEqualTo(SignInResult.Status.SIGNED_IN);

        SignInResult again = portal.login(issued.account().username(), STRONG);
        assertThat(again.status()).isEqualTo(SignInResult.Status.TOTP_REQUIRED);
        assertThat(again.totpEnrolment()).isNull();
        assertThat(portal.refused(
                                HttpRequest.POST(
                                        "/portal/v1/auth/totp",
                                        Map.of("challengeToken", again.challengeToken(), "code", code)),
                                401)
                        .code())
                .isEqualTo("TOTP_INVALID");
    }

    @Test
    void aChallengeTokenIsNotAnAccessToken() {
        IssuedCredential issued = newEnterpriseUser();
        SignInResult first = portal.login(issued.account().username(), issued.temporaryPassword());
        portal.refused(HttpRequest.GET("/portal/v1/me").bearerAuth(first.challengeToken()), 401);
    }

    @Test
    void aDisabledAccountsTokenStopsWorkingWithinASecond() {
        String username = activeEnterpriseUser();
        SignInResult session = portal.login(username, STRONG);
        long id = session.tokens().profile().accountId();
        portal.call(
                HttpRequest.POST("/portal/v1/accounts/" + id + "/disable", new AccountRequests.Reason("离职")),
                portal.admin(devServices()),
                String.class);
        await("refused within the promised second")
                .atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> portal.failure(HttpRequest.GET("/portal/v1/me")
                                .bearerAuth(session.tokens().accessToken()))
                        != null);
        assertThat(portal.refused(
                                HttpRequest.POST(
                                        "/portal/v1/auth/login", Map.of("username", username, "password", STRONG)),
                                403)
                        .code())
                .isEqualTo("ACCOUNT_DISABLED");
    }

    /** A new enterprise user who has already set their own password {@link #STRONG}. */
    private String activeEnterpriseUser() {
        IssuedCredential issued = newEnterpriseUser();
        SignInResult first = portal.login(issued.account().username(), issued.temporaryPassword());
        portal.step("password", Map.of("challengeToken", first.challengeToken(), "newPassword", STRONG));
        return issued.account().username();
    }

    private IssuedCredential newEnterpriseUser() {
        return portal.call(
                HttpRequest.POST(
                        "/portal/v1/accounts",
                        new AccountRequests.Create(
                                Role.ENTERPRISE_USER,
                                "质量负责人",
                                "quality" + USERS.incrementAndGet() + "x" + System.nanoTime() % 10000,
                                null,
                                null,
                                1L)),
                portal.admin(devServices()),
                IssuedCredential.class);
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
