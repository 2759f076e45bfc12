package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AuthRequests;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.error.Problem;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.api.RedissonClient;

/** Signing in from the mini-program: WeChat identity, activation codes, token rotation, and staff control. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MiniProgramSignInTest implements DevServicesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SessionClient sessions;

    @Inject
    RedissonClient redis;

    MiniProgramSessions mp;

    @BeforeEach
    void setUp() {
        mp = new MiniProgramSessions(client);
        devServices().weChat().reset();
    }

    @Test
    void aClerkSignsInWithWeChatAndSeesTheirPharmacyScope() {
        Tokens tokens = mp.signIn("demo-clerk");
        assertThat(tokens.expiresIn()).isLessThanOrEqualTo(15 * 60);
        assertThat(tokens.profile().role()).isEqualTo(Role.PHARMACY_CLERK);
        ProfileView me = mp.call(HttpRequest.GET("/mp/v1/me"), tokens, ProfileView.class);
        assertThat(me.pharmacyId()).isEqualTo(1L);
        assertThat(me.displayName()).isEqualTo("王店员");
        // the session_key WeChat returned never leaves the server
        assertThat(devServices().weChat().requests("/sns/jscode2session")).isNotEmpty();
        assertThat(tokens.toString()).doesNotContainIgnoringCase("session");
    }

    @Test
    void anUnknownWeChatUserBecomesAPublicUser() {
        Tokens tokens = mp.signIn("citizen-" + UUID.randomUUID());
        assertThat(tokens.profile().role()).isEqualTo(Role.PUBLIC);
    }

    @Test
    void aBadOrReusedLoginCodeIsRefusedAndAWeChatOutageIsNotTheUsersFault() {
        assertThat(mp.refused(HttpRequest.POST("/mp/v1/auth/wechat", Map.of("code", "not-a-real-code")), 401)
                        .code())
                .isEqualTo("WECHAT_CODE_INVALID");
        devServices().weChat().failNext("/sns/jscode2session", 45011, "api minute-quota reach limit");
        assertThat(mp.refused(HttpRequest.POST("/mp/v1/auth/wechat", Map.of("code", "demo:demo-clerk")), 503)
                        .code())
                .isEqualTo("WECHAT_UNAVAILABLE");
        assertThat(mp.refused(HttpRequest.POST("/mp/v1/auth/wechat", Map.of("code", "")), 400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aLoginCodeThatWouldAddParametersToWeChatsUrlIsRefusedBeforeWeChatIsCalled() {
        for (String code :
                List.of("demo:x&appid=evil", "demo:x&secret=evil#", "demo:a b", "demo:x%26appid=evil", "demo:x/../y")) {
            Problem problem = mp.refused(HttpRequest.POST("/mp/v1/auth/wechat", Map.of("code", code)), 400);
            assertThat(problem.code()).as(code).isEqualTo("VALIDATION_FAILED");
            assertThat(problem.errors())
                    .as(code)
                    .extracting(Problem.FieldError::field)
                    .containsExactly("code");
        }
        assertThat(devServices().weChat().requests("/sns/jscode2session")).isEmpty();
        // a code of WeChat's own shape still signs in
        devServices().weChat().registerLoginCode("0a3Xyz-Qw_9", "citizen-" + UUID.randomUUID());
        assertThat(client.toBlocking()
                        .retrieve(HttpRequest.POST("/mp/v1/auth/wechat", Map.of("code", "0a3Xyz-Qw_9")), Tokens.class)
                        .profile()
                        .role())
                .isEqualTo(Role.PUBLIC);
    }

    @Test
    void aPhoneCodeThatIsNotAPlainTokenIsRefusedAndTheActivationCodeStaysUnused() {
        Tokens manager = mp.signIn("demo-manager");
        IssuedCredential issued = mp.call(
                HttpRequest.POST("/mp/v1/pharmacy/clerks", new AccountRequests.CreateClerk("手机注入")),
                manager,
                IssuedCredential.class);
        Tokens newcomer = mp.signIn("phone-" + UUID.randomUUID());
        Problem problem = mp.refused(
                HttpRequest.POST(
                                "/mp/v1/auth/bind",
                                Map.of(
                                        "activationCode",
                                        issued.activationCode(),
                                        "phoneCode",
                                        "demo-phone:13800138000&appid=evil"))
                        .bearerAuth(newcomer.accessToken()),
                400);
        assertThat(problem.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("phoneCode");
        assertThat(devServices().weChat().requests("/wxa/business/getuserphonenumber"))
                .isEmpty();
        // nothing was bound: the code still works with a proper phone code
        assertThat(mp.call(
                                HttpRequest.POST(
                                        "/mp/v1/auth/bind",
                                        Map.of(
                                                "activationCode",
                                                issued.activationCode(),
                                                "phoneCode",
                                                "demo-phone:13800138000")),
                                newcomer,
                                Tokens.class)
                        .profile()
                        .role())
                .isEqualTo(Role.PHARMACY_CLERK);
    }

    @Test
    void theRefreshTokenRotatesAndAReusedOneRevokesTheWholeSignIn() {
        Tokens first = mp.signIn("demo-inspector");
        Tokens second = refresh(first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        Tokens third = refresh(second.refreshToken());

        // someone replays the first (stolen) refresh token: the family dies, including the newest token
        assertThat(refusedRefresh(first.refreshToken()).code()).isEqualTo("TOKEN_INVALID");
        assertThat(refusedRefresh(third.refreshToken()).code()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void signingOutEndsTheSession() {
        Tokens tokens = mp.signIn("demo-public");
        sessions.logout(new AuthRequests.Refresh(tokens.refreshToken()), CallerBinder.ANYONE);
        refusedRefresh(tokens.refreshToken());
    }

    @Test
    void aManagerIssuesASingleUseActivationCodeThatBindsAClerkWithTheirPhone() throws Exception {
        Tokens manager = mp.signIn("demo-manager");
        IssuedCredential issued = mp.call(
                HttpRequest.POST("/mp/v1/pharmacy/clerks", new AccountRequests.CreateClerk("新店员")),
                manager,
                IssuedCredential.class);
        assertThat(issued.activationCode()).hasSize(10);
        assertThat(issued.activationCodeExpiresAt())
                .isBetween(
                        java.time.Instant.now().plus(Duration.ofHours(71)),
                        java.time.Instant.now().plus(Duration.ofHours(73)));

        Tokens newcomer = mp.signIn("newcomer-" + UUID.randomUUID());
        Tokens bound = mp.call(
                HttpRequest.POST(
                        "/mp/v1/auth/bind",
                        Map.of(
                                "activationCode",
                                issued.activationCode().toLowerCase(),
                                "phoneCode",
                                "demo-phone:13800138000")),
                newcomer,
                Tokens.class);
        assertThat(bound.profile().role()).isEqualTo(Role.PHARMACY_CLERK);
        assertThat(bound.profile().pharmacyId()).isEqualTo(1L);
        assertThat(bound.profile().phone()).isEqualTo("138****8000");
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT phone_sealed, phone_index FROM account WHERE id = "
                                + bound.profile().accountId())) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("v1:").doesNotContain("13800138000");
            assertThat(rs.getString(2)).hasSize(64);
        }

        Tokens someoneElse = mp.signIn("another-" + UUID.randomUUID());
        assertThat(mp.refused(
                                HttpRequest.POST("/mp/v1/auth/bind", Map.of("activationCode", issued.activationCode()))
                                        .bearerAuth(someoneElse.accessToken()),
                                400)
                        .code())
                .isEqualTo("ACTIVATION_CODE_INVALID");
    }

    @Test
    void anExpiredActivationCodeIsRefused() throws Exception {
        Tokens manager = mp.signIn("demo-manager");
        IssuedCredential issued = mp.call(
                HttpRequest.POST("/mp/v1/pharmacy/clerks", new AccountRequests.CreateClerk("过期店员")),
                manager,
                IssuedCredential.class);
        try (Connection c = devServices().openConnection()) {
            c.createStatement()
                    .executeUpdate(
                            "UPDATE activation_code SET expires_at = NOW(6) - INTERVAL 1 MINUTE WHERE account_id = "
                                    + issued.account().id());
        }
        Tokens newcomer = mp.signIn("late-" + UUID.randomUUID());
        assertThat(mp.refused(
                                HttpRequest.POST("/mp/v1/auth/bind", Map.of("activationCode", issued.activationCode()))
                                        .bearerAuth(newcomer.accessToken()),
                                400)
                        .code())
                .isEqualTo("ACTIVATION_CODE_INVALID");
    }

    @Test
    void aDisabledClerksTokenStopsWorkingWithinASecond() {
        Tokens manager = mp.signIn("demo-manager");
        IssuedCredential issued = mp.call(
                HttpRequest.POST("/mp/v1/pharmacy/clerks", new AccountRequests.CreateClerk("临时店员")),
                manager,
                IssuedCredential.class);
        Tokens clerk = mp.call(
                HttpRequest.POST("/mp/v1/auth/bind", Map.of("activationCode", issued.activationCode())),
                mp.signIn("temp-" + UUID.randomUUID()),
                Tokens.class);
        assertThat(mp.call(HttpRequest.GET("/mp/v1/me"), clerk, ProfileView.class)
                        .role())
                .isEqualTo(Role.PHARMACY_CLERK);

        mp.call(
                HttpRequest.POST(
                        "/mp/v1/pharmacy/clerks/" + issued.account().id() + "/disable",
                        new AccountRequests.Reason("离职")),
                manager,
                String.class);
        await("refused within the promised second")
                .atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> refusedWith401(clerk));
        refusedRefresh(clerk.refreshToken());
    }

    @Test
    void aClerkDisabledOnAnotherNodeIsRefusedHereWithinASecond() throws Exception {
        Tokens manager = mp.signIn("demo-manager");
        IssuedCredential issued = mp.call(
                HttpRequest.POST("/mp/v1/pharmacy/clerks", new AccountRequests.CreateClerk("另一节点停用")),
                manager,
                IssuedCredential.class);
        Tokens clerk = mp.call(
                HttpRequest.POST("/mp/v1/auth/bind", Map.of("activationCode", issued.activationCode())),
                mp.signIn("other-node-" + UUID.randomUUID()),
                Tokens.class);
        for (int i = 0; i < 3; i++) { // this node now keeps the clerk's status
            assertThat(mp.call(HttpRequest.GET("/mp/v1/me"), clerk, ProfileView.class)
                            .role())
                    .isEqualTo(Role.PHARMACY_CLERK);
        }

        // What another node does when its manager disables the clerk: commit, then announce a new status version.
        try (Connection c = devServices().openConnection()) {
            c.createStatement()
                    .executeUpdate("UPDATE account SET status = 'DISABLED' WHERE id = "
                            + issued.account().id());
        }
        redis.getAtomicLong("cogov:account:status-version").incrementAndGet();
        await("refused within the promised second")
                .atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> refusedWith401(clerk));
    }

    @Test
    void onlyManagersRunClerks() {
        mp.refused(HttpRequest.GET("/mp/v1/pharmacy/clerks"), 401);
        Tokens clerk = mp.signIn("demo-clerk");
        assertThat(mp.refused(HttpRequest.GET("/mp/v1/pharmacy/clerks").bearerAuth(clerk.accessToken()), 403)
                        .code())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void aTamperedTokenIsRefused() {
        Tokens clerk = mp.signIn("demo-clerk");
        String forged = clerk.accessToken().substring(0, clerk.accessToken().length() - 2) + "xx";
        assertThat(mp.refused(HttpRequest.GET("/mp/v1/me").bearerAuth(forged), 401)
                        .code())
                .isEqualTo("UNAUTHENTICATED");
    }

    private boolean refusedWith401(Tokens tokens) {
        try {
            client.toBlocking().exchange(HttpRequest.GET("/mp/v1/me").bearerAuth(tokens.accessToken()));
            return false;
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode() == 401;
        }
    }

    private Tokens refresh(String refreshToken) {
        return sessions.refresh(new AuthRequests.Refresh(refreshToken), CallerBinder.ANYONE);
    }

    private Problem refusedRefresh(String refreshToken) {
        return MiniProgramSessions.refused(() -> refresh(refreshToken), 401);
    }
}
