package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.audit.AuditService;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.AuthRequests;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.SignInResult;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import com.cogov.contracts.pharmacy.PharmacyView;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The city administrator's account operations, as the O&M list asks for them. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAdministrationTest implements PortalTest {

    private static final String STRONG = "Huang-He-Lou-2026!";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SessionClient sessions;

    @Inject
    AuditService audit;

    PortalSessions portal;
    String admin;

    @BeforeEach
    void setUp() {
        portal = new PortalSessions(client);
        admin = portal.admin(devServices());
    }

    @Test
    void aResetPasswordMustBeChangedAndEndsTheUsersSessions() {
        IssuedCredential issued = create(Role.DISTRICT_INSPECTOR, "inspector-reset", null, "420111", null);
        SignInResult first = portal.login("inspector-reset", issued.temporaryPassword());
        SignInResult session =
                portal.step("password", Map.of("challengeToken", first.challengeToken(), "newPassword", STRONG));

        IssuedCredential reset = portal.call(
                HttpRequest.POST("/portal/v1/accounts/" + issued.account().id() + "/reset-password", ""),
                admin,
                IssuedCredential.class);
        PortalSessions.refused(
                () -> sessions.refresh(new AuthRequests.Refresh(session.tokens().refreshToken()), portal.caller()),
                401);
        assertThat(portal.login("inspector-reset", reset.temporaryPassword()).status())
                .isEqualTo(SignInResult.Status.PASSWORD_CHANGE_REQUIRED);
    }

    @Test
    void anAdministratorUnlocksALockedAccount() {
        IssuedCredential issued = create(Role.ENTERPRISE_USER, "locked-user", null, null, 1L);
        for (int i = 0; i < 5; i++) {
            portal.refused(
                    HttpRequest.POST(
                            "/portal/v1/auth/login", Map.of("username", "locked-user", "password", "Nope-" + i)),
                    401);
        }
        AccountView before = portal.call(
                HttpRequest.GET("/portal/v1/accounts/" + issued.account().id()), admin, AccountView.class);
        assertThat(before.locked()).isTrue();
        AccountView after = portal.call(
                HttpRequest.POST("/portal/v1/accounts/" + issued.account().id() + "/unlock", ""),
                admin,
                AccountView.class);
        assertThat(after.locked()).isFalse();
        assertThat(portal.login("locked-user", issued.temporaryPassword()).status())
                .isEqualTo(SignInResult.Status.PASSWORD_CHANGE_REQUIRED);
    }

    @Test
    void aDeletedAccountCannotSignInButStaysInTheAuditTrail() throws Exception {
        IssuedCredential issued = create(Role.ENTERPRISE_USER, "leaving-user", null, null, 1L);
        long id = issued.account().id();
        client.toBlocking()
                .exchange(HttpRequest.POST("/portal/v1/accounts/" + id + "/delete", new AccountRequests.Reason("调岗"))
                        .bearerAuth(admin)
                        .header("X-Forwarded-For", "10.9.9.9"));
        portal.refused(HttpRequest.GET("/portal/v1/accounts/" + id).bearerAuth(admin), 404);
        assertThat(portal.refused(
                                HttpRequest.POST(
                                        "/portal/v1/auth/login",
                                        Map.of("username", "leaving-user", "password", issued.temporaryPassword())),
                                403)
                        .code())
                .isEqualTo("ACCOUNT_DISABLED");
        audit.flush(); // the trail as an auditor would search it now
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT COUNT(*) FROM audit_event WHERE target_type = 'account' AND target_id = '"
                                + id + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(3); // created, password issued, deleted
        }
    }

    @Test
    void suspendingAPharmacyDisablesItsStaff() {
        IssuedCredential clerk = create(Role.PHARMACY_CLERK, null, 7L, null, null);
        PharmacyView pharmacy = portal.call(
                HttpRequest.POST(
                        "/portal/v1/pharmacies/7/status",
                        new PharmacyRequests.StatusChange(PharmacyStatus.SUSPENDED, "吊销许可证")),
                admin,
                PharmacyView.class);
        assertThat(pharmacy.status()).isEqualTo(PharmacyStatus.SUSPENDED);
        AccountView after = portal.call(
                HttpRequest.GET("/portal/v1/accounts/" + clerk.account().id()), admin, AccountView.class);
        assertThat(after.status()).isEqualTo(AccountView.Status.DISABLED);
    }

    @Test
    void accountRequestsThatDoNotFitTogetherAreExplained() {
        var missingPharmacy = portal.refused(
                HttpRequest.POST(
                                "/portal/v1/accounts",
                                new AccountRequests.Create(Role.PHARMACY_CLERK, "无店店员", null, null, null, null))
                        .bearerAuth(admin),
                400);
        assertThat(missingPharmacy.errors()).extracting("field").containsExactly("pharmacyId");
        var taken = portal.refused(
                HttpRequest.POST(
                                "/portal/v1/accounts",
                                new AccountRequests.Create(Role.ENTERPRISE_USER, "重名", "enterprise", null, null, 1L))
                        .bearerAuth(admin),
                409);
        assertThat(taken.code()).isEqualTo("USERNAME_TAKEN");
        var badRole = portal.refused(
                HttpRequest.POST("/portal/v1/accounts", Map.of("role", "SUPERUSER", "displayName", "x"))
                        .bearerAuth(admin),
                400);
        assertThat(badRole.code()).isIn("MALFORMED_REQUEST", "VALIDATION_FAILED");
    }

    @Test
    void onlyTheCityAdministratorManagesAccountsAndEveryDenialIsAudited() throws Exception {
        String inspector = portal.login(
                        "inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/accounts").bearerAuth(inspector), 403)
                        .code())
                .isEqualTo("FORBIDDEN");
        audit.flush(); // the trail as an auditor would search it now
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'access.denied' AND target_id = 'GET /portal/v1/accounts'")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
        List<AccountView> all = client.toBlocking()
                .retrieve(HttpRequest.GET("/portal/v1/accounts").bearerAuth(admin), Argument.listOf(AccountView.class));
        assertThat(all).extracting(AccountView::role).doesNotContain(Role.PUBLIC);
    }

    private IssuedCredential create(Role role, String username, Long pharmacyId, String district, Long enterpriseId) {
        return portal.call(
                HttpRequest.POST(
                        "/portal/v1/accounts",
                        new AccountRequests.Create(
                                role, "测试" + role.name().toLowerCase(), username, pharmacyId, district, enterpriseId)),
                admin,
                IssuedCredential.class);
    }
}
