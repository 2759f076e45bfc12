package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.account.Authenticator;
import com.cogov.api.buyer.TestPersonalData;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.SignInResult;
import com.cogov.contracts.audit.AuditEventView;
import com.cogov.contracts.audit.AuditVerificationView;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.privacy.UnmaskedValue;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Unmasking personal data is a deliberate, audited act; the trail is searchable and verifiable. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditAndUnmaskTest implements PortalTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PrivacyService privacy;

    private static final Argument<Page<AuditEventView>> AUDIT_PAGE = new GenericArgument<>() {};

    PortalSessions portal;
    String admin;

    @BeforeEach
    void setUp() {
        portal = new PortalSessions(client);
        admin = portal.admin(devServices());
    }

    @Test
    void aPhoneIsMaskedInEveryViewAndUnmaskedOnlyWithAReasonWhichIsAudited() throws Exception {
        long id = accountWithPhone();
        AccountView view = portal.call(HttpRequest.GET("/portal/v1/accounts/" + id), admin, AccountView.class);
        assertThat(view.phone()).isEqualTo("138****8000");

        portal.refused(
                HttpRequest.POST("/portal/v1/accounts/" + id + "/phone/unmask", Map.of("reason", " "))
                        .bearerAuth(admin),
                400);
        UnmaskedValue full = portal.call(
                HttpRequest.POST(
                        "/portal/v1/accounts/" + id + "/phone/unmask",
                        new AccountRequests.Reason("核实身份，回拨 13912345678 未接通")),
                admin,
                UnmaskedValue.class);
        assertThat(full.value()).isEqualTo(TestPersonalData.PHONE);

        Page<AuditEventView> trail = portal.call(
                HttpRequest.GET("/portal/v1/audit/events?action=privacy.unmask&targetType=account&targetId=" + id),
                admin,
                AUDIT_PAGE);
        assertThat(trail.items()).hasSize(1);
        AuditEventView unmask = trail.items().get(0);
        assertThat(unmask.actorRole()).isEqualTo("CITY_ADMIN");
        assertThat(unmask.details()).containsEntry("field", "PHONE");
        assertThat(unmask.details().get("reason"))
                .contains("核实身份")
                .contains("139****5678")
                .doesNotContain("13912345678");
    }

    @Test
    void onlyRegulatorsMayUnmask() throws Exception {
        long id = accountWithPhone();
        String enterprise = portal.login(
                        "enterprise", devServices().demoPasswords().get("enterprise"))
                .tokens()
                .accessToken();
        portal.refused(
                HttpRequest.POST("/portal/v1/accounts/" + id + "/phone/unmask", new AccountRequests.Reason("好奇"))
                        .bearerAuth(enterprise),
                403);
    }

    @Test
    void theAdministratorSearchesTheTrailByActionAPageAtATimeNewestFirst() throws Exception {
        for (int i = 0; i < 3; i++) {
            accountWithPhone(); // an account.* entry each, so that two pages of 2 hold entries
        }
        Page<AuditEventView> first =
                portal.call(HttpRequest.GET("/portal/v1/audit/events?action=account.*&limit=2"), admin, AUDIT_PAGE);
        assertThat(first.items())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.action()).startsWith("account."));
        assertThat(first.nextCursor()).isNotNull();

        Page<AuditEventView> second = portal.call(
                HttpRequest.GET("/portal/v1/audit/events?action=account.*&limit=2&cursor=" + first.nextCursor()),
                admin,
                AUDIT_PAGE);
        List<AuditEventView> both = new ArrayList<>(first.items());
        both.addAll(second.items());
        assertThat(second.items())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.action()).startsWith("account."));
        assertThat(both).extracting(AuditEventView::occurredAt).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(both).extracting(AuditEventView::id).doesNotHaveDuplicates();
    }

    @Test
    void aLimitOver200OrACursorThePortalDidNotGiveIsRefused() {
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/audit/events?limit=201")
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo("PAGE_LIMIT_INVALID");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/audit/events?cursor=not-a-cursor")
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo("PAGE_CURSOR_INVALID");
    }

    @Test
    void theOperatorVerifiesTheChainButSeesNoBusinessData() {
        SignInResult login =
                portal.login("operator", devServices().demoPasswords().get("operator"));
        assertThat(login.status()).isEqualTo(SignInResult.Status.TOTP_ENROLMENT_REQUIRED);
        String operator = portal.step(
                        "totp",
                        Map.of(
                                "challengeToken",
                                login.challengeToken(),
                                "code",
                                Authenticator.code(login.totpEnrolment().secret(), Instant.now())))
                .tokens()
                .accessToken();

        AuditVerificationView result = portal.call(
                HttpRequest.POST("/portal/v1/audit/verification", ""), operator, AuditVerificationView.class);
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isPositive();
        portal.refused(HttpRequest.GET("/portal/v1/accounts").bearerAuth(operator), 403);
        portal.refused(HttpRequest.GET("/portal/v1/audit/events").bearerAuth(operator), 403);
        portal.refused(HttpRequest.POST("/portal/v1/audit/verification", "").bearerAuth(admin), 403);
    }

    private long accountWithPhone() throws Exception {
        IssuedCredential issued = portal.call(
                HttpRequest.POST(
                        "/portal/v1/accounts",
                        new AccountRequests.Create(Role.PHARMACY_CLERK, "有手机的店员", null, 3L, null, null)),
                admin,
                IssuedCredential.class);
        try (Connection c = devServices().openConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE account SET phone_sealed = ?, phone_index = ? WHERE id = ?")) {
            ps.setString(1, privacy.seal(TestPersonalData.PHONE));
            ps.setString(2, privacy.blindIndex(PersonalField.PHONE, TestPersonalData.PHONE));
            ps.setLong(3, issued.account().id());
            ps.executeUpdate();
        }
        return issued.account().id();
    }
}
