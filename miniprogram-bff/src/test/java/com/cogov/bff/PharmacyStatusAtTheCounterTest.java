package com.cogov.bff;

import static com.cogov.bff.Counter.EPHEDRINE;
import static com.cogov.bff.Counter.adultId;
import static com.cogov.bff.Counter.item;
import static com.cogov.bff.Counter.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.api.account.AccountService;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import com.cogov.contracts.registration.RegistrationResult;
import com.cogov.infra.dev.DemoData;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the pharmacy lifecycle (changed on the portal, here through the core entry the portal's routes call) does at
 * the counter: a new manager binds the code the regulator issued and adds a clerk; a transfer sends the next sales to
 * the new district while the past ones stay; a suspension refuses the staff's tokens within a second and the
 * pharmacy's sales with PHARMACY_SUSPENDED; reopening lets them back in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PharmacyStatusAtTheCounterTest implements DevServicesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PharmacyService pharmacies;

    @Inject
    AccountService accounts;

    Counter counter;
    Actor admin;

    @BeforeAll
    void setUp() throws SQLException {
        counter = new Counter(client, devServices());
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT id FROM account WHERE username = 'admin'")) {
            rs.next();
            admin = new Actor(rs.getLong(1), Role.CITY_ADMIN, null, "420100", null, "127.0.0.1", null);
        }
    }

    @Test
    void aPharmacysStatusAndDistrictReachTheCounter() throws SQLException {
        long pharmacy = pharmacies
                .create(
                        admin,
                        new PharmacyRequests.Create(
                                "鄂CB-C" + UUID.randomUUID().toString().substring(0, 8),
                                DemoData.creditCode("91420106", new Random()),
                                "柜台测试药房",
                                "420106",
                                "武汉市武昌区柜台路1号",
                                new BigDecimal("30.55"),
                                new BigDecimal("114.31"),
                                null,
                                null))
                .id();
        // 账号发放: the regulator's code, bound on the manager's phone; the manager adds a clerk
        String code = accounts.issueManagerActivation(admin, pharmacy).activationCode();
        String managerOpenid = "counter-manager-" + UUID.randomUUID();
        Tokens manager = bind(managerOpenid, code);
        assertThat(manager.profile().role()).isEqualTo(Role.PHARMACY_MANAGER);
        IssuedCredential clerkCode = counter.mp.call(
                HttpRequest.POST("/mp/v1/pharmacy/clerks", new AccountRequests.CreateClerk("柜台店员")),
                manager,
                IssuedCredential.class);
        String clerkOpenid = "counter-clerk-" + UUID.randomUUID();
        Tokens clerk = bind(clerkOpenid, clerkCode.activationCode());

        RegistrationResult before = counter.register(clerk, sale(adultId(), item(EPHEDRINE, 1)));
        assertThat(districtOf(before)).isEqualTo("420106");

        pharmacies.transfer(admin, pharmacy, new PharmacyRequests.Transfer("420111", "区域调动"));
        // the same token, issued before the transfer: the sale is counted where the pharmacy is now
        RegistrationResult after = counter.register(clerk, sale(adultId(), item(EPHEDRINE, 1)));
        assertThat(districtOf(after)).isEqualTo("420111");
        assertThat(districtOf(before))
                .as("past sales stay where they were made")
                .isEqualTo("420106");

        pharmacies.changeStatus(admin, pharmacy, new PharmacyRequests.StatusChange(PharmacyStatus.SUSPENDED, "停业整顿"));
        await("the clerk's token refused within the promised second")
                .atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> status(clerk) == 401);
        assertThat(status(manager)).isEqualTo(401);

        // a clerk the administrator lets back in on their own still cannot sell while the pharmacy is suspended
        accounts.enable(admin, clerk.profile().accountId(), "协助整改");
        Tokens again = counter.mp.signIn(clerkOpenid);
        var refused = counter.mp.refused(
                Counter.post(again, UUID.randomUUID().toString(), sale(adultId(), item(EPHEDRINE, 1))), 409);
        assertThat(refused.code()).isEqualTo("PHARMACY_SUSPENDED");

        pharmacies.changeStatus(admin, pharmacy, new PharmacyRequests.StatusChange(PharmacyStatus.ACTIVE, "整改完成"));
        assertThat(counter.register(again, sale(adultId(), item(EPHEDRINE, 1))).number())
                .startsWith("DJ");
        assertThat(counter.mp.signIn(managerOpenid).profile().role())
                .as("the manager the suspension disabled is back")
                .isEqualTo(Role.PHARMACY_MANAGER);
    }

    /** What a new staff member's phone does: sign in through WeChat, then POST /mp/v1/auth/bind with the code. */
    private Tokens bind(String openid, String activationCode) {
        Tokens citizen = counter.mp.signIn(openid);
        return counter.mp.call(
                HttpRequest.POST("/mp/v1/auth/bind", Map.of("activationCode", activationCode)), citizen, Tokens.class);
    }

    private int status(Tokens tokens) {
        try {
            client.toBlocking().exchange(HttpRequest.GET("/mp/v1/me").bearerAuth(tokens.accessToken()));
            return 200;
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private String districtOf(RegistrationResult sale) throws SQLException {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT district_code FROM registration WHERE number = ?")) {
            ps.setString(1, sale.number());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
