package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.account.Authenticator;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AuthRequests;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.SignInResult;
import com.cogov.contracts.account.Tokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sign-in attacks of the security review, each replayed against the portal and now refused: TOTP brute force,
 * concurrent guesses, reused challenges, username enumeration, lockout as a denial of service, damaged hashes,
 * and racing account creation.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInAttackTest implements PortalTest {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final String STRONG = "Jiang-Cheng-2026!";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SessionClient sessions;

    @Test
    void aSecondFactorChallengeEndsAfterFiveWrongCodesAndTheyCountTowardsTheLock() {
        PortalSessions portal = new PortalSessions(client);
        Admin admin = enrolledAdmin(portal);
        SignInResult challenge = portal.login(admin.username(), STRONG);
        assertThat(challenge.status()).isEqualTo(SignInResult.Status.TOTP_REQUIRED);
        String right = Authenticator.code(admin.secret(), Instant.now().plusSeconds(30));
        for (int i = 0; i < 5; i++) {
            assertThat(portal.refused(totp(challenge.challengeToken(), wrong(right, i)), 401)
                            .code())
                    .isEqualTo("TOTP_INVALID");
        }
        // the attacker's 300 tries end here: the challenge is over, even for the right code
        assertThat(portal.refused(totp(challenge.challengeToken(), right), 401).code())
                .isEqualTo("TOKEN_INVALID");
        // and five wrong codes lock the account as five wrong passwords do
        assertThat(portal.refused(login(admin.username(), STRONG), 423).code()).isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void wrongPasswordsSentAtOnceAreEachCounted() throws Exception {
        PortalSessions portal = new PortalSessions(client);
        String username = activeEnterpriseUser(portal);
        List<Integer> answers = atOnce(
                12,
                i -> portal.failure(login(username, "Wrong-Password-" + i))
                        .getStatus()
                        .getCode());
        assertThat(answers).allSatisfy(status -> assertThat(status).isIn(401, 423));
        assertThat(portal.refused(login(username, STRONG), 423).code()).isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void oneTotpCodeSentWithManyChallengesAtOnceSignsInOnce() throws Exception {
        PortalSessions portal = new PortalSessions(client);
        Admin admin = enrolledAdmin(portal);
        List<String> challenges = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            challenges.add(portal.login(admin.username(), STRONG).challengeToken());
        }
        String code = Authenticator.code(admin.secret(), Instant.now().plusSeconds(30));
        List<Integer> answers = atOnce(8, i -> {
            HttpClientResponseException refused = portal.failure(totp(challenges.get(i), code));
            return refused == null ? 200 : refused.getStatus().getCode();
        });
        assertThat(answers).filteredOn(status -> status == 200).hasSize(1);
        assertThat(answers)
                .filteredOn(status -> status != 200)
                .allSatisfy(status -> assertThat(status).isEqualTo(401));
    }

    @Test
    void aPasswordChangeChallengeIsUsedUpByItsChange() {
        PortalSessions portal = new PortalSessions(client);
        IssuedCredential issued = newAccount(portal, Role.ENTERPRISE_USER);
        SignInResult first = portal.login(issued.account().username(), issued.temporaryPassword());
        assertThat(portal.step("password", Map.of("challengeToken", first.challengeToken(), "newPassword", STRONG))
                        .status())
                .isEqualTo(SignInResult.Status.SIGNED_IN);
        assertThat(portal.refused(
                                HttpRequest.POST(
                                        "/portal/v1/auth/password",
                                        Map.of(
                                                "challengeToken",
                                                first.challengeToken(),
                                                "newPassword",
                                                "Another-Strong-2027!")),
                                401)
                        .code())
                .isEqualTo("TOKEN_INVALID");
        // the second password was not set: the first still signs in
        assertThat(portal.login(issued.account().username(), STRONG).status()).isEqualTo(SignInResult.Status.SIGNED_IN);
    }

    @Test
    void aUsedSecondFactorChallengeDoesNotTakeTheNextCode() {
        PortalSessions portal = new PortalSessions(client);
        Admin admin = enrolledAdmin(portal);
        SignInResult challenge = portal.login(admin.username(), STRONG);
        Instant now = Instant.now();
        assertThat(portal.step(
                                "totp",
                                Map.of(
                                        "challengeToken",
                                        challenge.challengeToken(),
                                        "code",
                                        Authenticator.code(admin.secret(), now.plusSeconds(30))))
                        .status())
                .isEqualTo(SignInResult.Status.SIGNED_IN);
        assertThat(portal.refused(
                                totp(
                                        challenge.challengeToken(),
                                        Authenticator.code(admin.secret(), now.plusSeconds(60))),
                                401)
                        .code())
                .isEqualTo("TOKEN_INVALID");
    }

    @Test
    void anUnknownNameIsAnsweredAndLockedExactlyAsARealOne() {
        PortalSessions portal = new PortalSessions(client);
        String real = activeEnterpriseUser(portal);
        String unknown = "nobody" + NAMES.incrementAndGet();
        for (String name : List.of(real, unknown)) {
            for (int i = 0; i < 5; i++) {
                assertThat(portal.refused(login(name, "Wrong-Password-" + i), 401)
                                .code())
                        .as(name)
                        .isEqualTo("CREDENTIALS_INVALID");
            }
        }
        HttpClientResponseException realLocked = portal.failure(login(real, STRONG));
        HttpClientResponseException unknownLocked = portal.failure(login(unknown, STRONG));
        for (HttpClientResponseException locked : List.of(realLocked, unknownLocked)) {
            assertThat(locked.getStatus().getCode()).isEqualTo(423);
            // the test configuration locks for 3 s: both say to come back within it
            assertThat(Integer.parseInt(locked.getResponse().header("Retry-After")))
                    .isBetween(1, 3);
            assertThat(locked.getResponse().getBody(String.class).orElseThrow()).contains("ACCOUNT_LOCKED");
        }
    }

    @Test
    void aLockedAdministratorStillSignsInFromAnAddressThatHasNotFailed() {
        PortalSessions attacker = new PortalSessions(client);
        PortalSessions office = new PortalSessions(client);
        Admin admin = enrolledAdmin(office);
        for (int i = 0; i < 5; i++) {
            attacker.refused(login(admin.username(), "Wrong-Password-" + i), 401);
        }
        // the attacker's address stays locked out, even with the right password
        assertThat(attacker.refused(login(admin.username(), STRONG), 423).code())
                .isEqualTo("ACCOUNT_LOCKED");
        // the administrator, from their own address, signs in with password and second factor
        SignInResult challenge = office.login(admin.username(), STRONG);
        assertThat(challenge.status()).isEqualTo(SignInResult.Status.TOTP_REQUIRED);
        assertThat(office.step(
                                "totp",
                                Map.of(
                                        "challengeToken",
                                        challenge.challengeToken(),
                                        "code",
                                        Authenticator.code(
                                                admin.secret(), Instant.now().plusSeconds(30))))
                        .status())
                .isEqualTo(SignInResult.Status.SIGNED_IN);
        assertThat(attacker.refused(login(admin.username(), STRONG), 423).code())
                .isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void aDamagedStoredPasswordHashRefusesTheSignInWithoutAnError() throws Exception {
        PortalSessions portal = new PortalSessions(client);
        String username = activeEnterpriseUser(portal);
        try (Connection c = devServices().openConnection();
                PreparedStatement damage =
                        c.prepareStatement("UPDATE account SET password_hash = ? WHERE username = ?")) {
            damage.setString(1, "$argon2id$v=19$m=lots,t=2,p=1$c2FsdHNhbHQ$aGFzaA");
            damage.setString(2, username);
            damage.executeUpdate();
        }
        assertThat(portal.refused(login(username, STRONG), 401).code()).isEqualTo("CREDENTIALS_INVALID");
    }

    @Test
    void anAccountForAnUnknownEnterpriseIsRefusedNamingTheField() {
        PortalSessions portal = new PortalSessions(client);
        var refused = portal.refused(
                HttpRequest.POST(
                                "/portal/v1/accounts",
                                new AccountRequests.Create(
                                        Role.ENTERPRISE_USER,
                                        "质量负责人",
                                        "ghost" + NAMES.incrementAndGet(),
                                        null,
                                        null,
                                        987_654L))
                        .bearerAuth(portal.admin(devServices())),
                400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.errors()).extracting("field").containsExactly("enterpriseId");
    }

    @Test
    void theSameUsernameCreatedSixTimesAtOnceIsCreatedOnceAndRefusedFiveTimes() throws Exception {
        PortalSessions portal = new PortalSessions(client);
        String admin = portal.admin(devServices());
        String username = "twin" + NAMES.incrementAndGet();
        List<Integer> answers = atOnce(6, i -> {
            HttpClientResponseException refused = portal.failure(HttpRequest.POST(
                            "/portal/v1/accounts",
                            new AccountRequests.Create(Role.ENTERPRISE_USER, "质量负责人", username, null, null, 1L))
                    .bearerAuth(admin));
            return refused == null ? 200 : refused.getStatus().getCode();
        });
        assertThat(answers).filteredOn(status -> status == 200).hasSize(1);
        assertThat(answers)
                .filteredOn(status -> status != 200)
                .hasSize(5)
                .allSatisfy(status -> assertThat(status).isEqualTo(409));
    }

    @Test
    void signingOutEndsTheAccessTokenAtOnce() {
        PortalSessions portal = new PortalSessions(client);
        Tokens tokens = portal.login(activeEnterpriseUser(portal), STRONG).tokens();
        assertThat(portal.call(HttpRequest.GET("/portal/v1/me"), tokens.accessToken(), String.class))
                .isNotBlank();
        sessions.logout(new AuthRequests.Refresh(tokens.refreshToken()), portal.caller());
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/me").bearerAuth(tokens.accessToken()), 401)
                        .code())
                .isEqualTo("UNAUTHENTICATED");
    }

    // ---------------------------------------------------------------- helpers

    private record Admin(String username, String secret) {}

    /** A new city administrator with their own password and an enrolled authenticator (its first code used). */
    private Admin enrolledAdmin(PortalSessions portal) {
        IssuedCredential issued = newAccount(portal, Role.CITY_ADMIN);
        SignInResult first = portal.login(issued.account().username(), issued.temporaryPassword());
        SignInResult enrol =
                portal.step("password", Map.of("challengeToken", first.challengeToken(), "newPassword", STRONG));
        String secret = enrol.totpEnrolment().secret();
        assertThat(portal.step(
                                "totp",
                                Map.of(
                                        "challengeToken",
                                        enrol.challengeToken(),
                                        "code",
                                        Authenticator.code(secret, Instant.now())))
                        .status())
                .isEqualTo(SignInResult.Status.SIGNED_IN);
        return new Admin(issued.account().username(), secret);
    }

    private String activeEnterpriseUser(PortalSessions portal) {
        IssuedCredential issued = newAccount(portal, Role.ENTERPRISE_USER);
        SignInResult first = portal.login(issued.account().username(), issued.temporaryPassword());
        portal.step("password", Map.of("challengeToken", first.challengeToken(), "newPassword", STRONG));
        return issued.account().username();
    }

    private IssuedCredential newAccount(PortalSessions portal, Role role) {
        return portal.call(
                HttpRequest.POST(
                        "/portal/v1/accounts",
                        new AccountRequests.Create(
                                role,
                                "测试账号",
                                "attack" + NAMES.incrementAndGet() + "x" + System.nanoTime() % 10000,
                                null,
                                null,
                                role == Role.ENTERPRISE_USER ? 1L : null)),
                portal.admin(devServices()),
                IssuedCredential.class);
    }

    private static io.micronaut.http.MutableHttpRequest<?> login(String username, String password) {
        return HttpRequest.POST("/portal/v1/auth/login", Map.of("username", username, "password", password));
    }

    private static io.micronaut.http.MutableHttpRequest<?> totp(String challenge, String code) {
        return HttpRequest.POST("/portal/v1/auth/totp", Map.of("challengeToken", challenge, "code", code));
    }

    private static String wrong(String code, int i) {
        return String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
    }

    private interface Attempt {
        int send(int index) throws Exception;
    }

    /** Sends n requests released together, as an attacker's script does, and collects their statuses. */
    private static List<Integer> atOnce(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Integer> task = () -> {
                    go.await();
                    return attempt.send(index);
                };
                answers.add(pool.submit(task));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
