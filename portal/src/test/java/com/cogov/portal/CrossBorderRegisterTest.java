package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.crossborder.CrossBorderPharmacistView;
import com.cogov.contracts.crossborder.CrossBorderStatus;
import com.cogov.contracts.crossborder.PublicCrossBorderPharmacistView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bureau's register of cross-border (Macau) pharmacists and the public's check of it: statuses from the dates on
 * today's date in China, names found in either language whatever the case or accents, the register the city's alone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossBorderRegisterTest implements PortalTest {

    static final Argument<Page<PublicCrossBorderPharmacistView>> PUBLIC = new GenericArgument<>() {};
    static final Argument<Page<CrossBorderPharmacistView>> REGISTER = new GenericArgument<>() {};
    static final String PATH = "/portal/v1/cross-border-pharmacists";

    @Inject
    @Client("/")
    HttpClient client;

    PortalSessions portal;
    String admin;
    String inspector;
    LocalDate today;

    @BeforeAll
    void signIn() {
        portal = new PortalSessions(client);
        admin = portal.admin(devServices());
        inspector = portal.login("inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theStatusFollowsTheDatesOnTheDayAsked() {
        String tag = tag();
        CrossBorderPharmacistView lastDayToday = register("梁" + tag, "Leong " + tag, today.minusYears(1), today);
        CrossBorderPharmacistView endedYesterday =
                register("何" + tag, "Ho " + tag, today.minusYears(1), today.minusDays(1));
        CrossBorderPharmacistView startsTomorrow =
                register("黄" + tag, "Wong " + tag, today.plusDays(1), today.plusYears(1));
        CrossBorderPharmacistView revoked = register("李" + tag, "Lei " + tag, today.minusDays(10), today.plusYears(1));
        assertThat(lastDayToday.status()).as("both days included").isEqualTo(CrossBorderStatus.VALID);
        assertThat(endedYesterday.status()).isEqualTo(CrossBorderStatus.EXPIRED);
        assertThat(startsTomorrow.status()).isEqualTo(CrossBorderStatus.NOT_YET_VALID);
        assertThat(revoked.status()).isEqualTo(CrossBorderStatus.VALID);
        CrossBorderPharmacistView after = portal.call(
                HttpRequest.POST(PATH + "/" + revoked.id() + "/revoke", Map.of("reason", "澳门牌照已注销")),
                admin,
                CrossBorderPharmacistView.class);
        assertThat(after.status()).isEqualTo(CrossBorderStatus.REVOKED);
        assertThat(after.revokeReason()).isEqualTo("澳门牌照已注销");
        portal.refused(
                HttpRequest.POST(PATH + "/" + revoked.id() + "/revoke", Map.of("reason", "再次"))
                        .bearerAuth(admin),
                409);
        portal.refused(
                HttpRequest.PATCH(PATH + "/" + revoked.id(), Map.of("namePt", "X"))
                        .bearerAuth(admin),
                409);

        List<PublicCrossBorderPharmacistView> found = client.toBlocking()
                .retrieve(HttpRequest.GET("/portal/v1/public/cross-border-pharmacists?q=" + tag), PUBLIC)
                .items();
        assertThat(found)
                .extracting(PublicCrossBorderPharmacistView::licenseNumber, PublicCrossBorderPharmacistView::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(lastDayToday.licenseNumber(), CrossBorderStatus.VALID),
                        org.assertj.core.groups.Tuple.tuple(endedYesterday.licenseNumber(), CrossBorderStatus.EXPIRED),
                        org.assertj.core.groups.Tuple.tuple(
                                startsTomorrow.licenseNumber(), CrossBorderStatus.NOT_YET_VALID),
                        org.assertj.core.groups.Tuple.tuple(revoked.licenseNumber(), CrossBorderStatus.REVOKED));
        assertThat(found).allSatisfy(p -> {
            assertThat(p.practisingPlace().pharmacyId()).isEqualTo(1L);
            assertThat(p.practisingPlace().name()).isNotBlank();
            assertThat(p.practisingPlace().address()).startsWith("武汉市");
        });
        assertThat(found)
                .filteredOn(p -> p.licenseNumber().equals(endedYesterday.licenseNumber()))
                .singleElement()
                .satisfies(p -> assertThat(p.validUntil()).isEqualTo(today.minusDays(1)));
    }

    @Test
    void thePublicFindsANameInEitherLanguageAnyCaseWithOrWithoutAccentsOrByLicence() {
        String tag = tag();
        CrossBorderPharmacistView joao =
                register("陈家明" + tag, "João Conceição " + tag, today.minusDays(1), today.plusYears(2));
        for (String q : List.of("joao", "JOÃO", "conceicao " + tag, "陈家明" + tag, joao.licenseNumber(), "Joâo")) {
            assertThat(client.toBlocking()
                            .retrieve(
                                    HttpRequest.GET("/portal/v1/public/cross-border-pharmacists?limit=200&q="
                                            + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)),
                                    PUBLIC)
                            .items())
                    .as(q)
                    .extracting(PublicCrossBorderPharmacistView::id)
                    .contains(joao.id());
        }
        assertThat(client.toBlocking()
                        .retrieve(HttpRequest.GET("/portal/v1/public/cross-border-pharmacists?q=%25"), PUBLIC)
                        .items())
                .as("LIKE's own characters are taken literally")
                .isEmpty();
    }

    @Test
    void theRegisterIsTheCitysAndRefusesBadInput() {
        String tag = tag();
        CrossBorderPharmacistView one = register("周" + tag, "Chau " + tag, today, today.plusYears(1));
        Map<String, Object> same = body("周" + tag, "Chau " + tag, today, today.plusYears(1));
        same.put("licenseNumber", one.licenseNumber());
        assertThat(portal.refused(HttpRequest.POST(PATH, same).bearerAuth(admin), 409)
                        .code())
                .isEqualTo("CROSS_BORDER_LICENSE_TAKEN");
        assertThat(portal.refused(
                                HttpRequest.POST(PATH, body("周", "Chau", today, today.minusDays(1)))
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo("CROSS_BORDER_VALIDITY_INVALID");
        Map<String, Object> nowhere = body("周", "Chau", today, today);
        nowhere.put("pharmacyId", 99_999_999);
        assertThat(portal.refused(HttpRequest.POST(PATH, nowhere).bearerAuth(admin), 404)
                        .code())
                .isEqualTo("PHARMACY_NOT_FOUND");
        portal.refused(HttpRequest.POST(PATH, body("周", "Chau", today, today)).bearerAuth(inspector), 403);
        portal.refused(HttpRequest.GET(PATH).bearerAuth(inspector), 403);
        portal.refused(
                HttpRequest.PATCH(PATH + "/99999999", Map.of("namePt", "X")).bearerAuth(admin), 404);
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/public/cross-border-pharmacists?q=" + "x".repeat(51)), 400)
                        .code())
                .isEqualTo("QUERY_PARAMETER_INVALID");

        CrossBorderPharmacistView moved = portal.call(
                HttpRequest.PATCH(
                        PATH + "/" + one.id(),
                        Map.of("pharmacyId", 2, "validTo", today.plusYears(3).toString())),
                admin,
                CrossBorderPharmacistView.class);
        assertThat(moved.pharmacyId()).isEqualTo(2L);
        assertThat(moved.validTo()).isEqualTo(today.plusYears(3));
        assertThat(portal.call(HttpRequest.GET(PATH + "?q=" + tag), admin, REGISTER)
                        .items())
                .extracting(CrossBorderPharmacistView::id)
                .containsExactly(one.id());
    }

    private CrossBorderPharmacistView register(String nameZh, String namePt, LocalDate from, LocalDate to) {
        return portal.call(
                HttpRequest.POST(PATH, body(nameZh, namePt, from, to)), admin, CrossBorderPharmacistView.class);
    }

    private static Map<String, Object> body(String nameZh, String namePt, LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameZh", nameZh);
        body.put("namePt", namePt);
        body.put("licenseNumber", "F-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        body.put("pharmacyId", 1);
        body.put("validFrom", from.toString());
        body.put("validTo", to.toString());
        return body;
    }

    /** Letters only, so that a search for it matches these rows and no others. */
    private static String tag() {
        StringBuilder tag = new StringBuilder("tag");
        for (int i = 0; i < 8; i++) {
            tag.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return tag.toString();
    }
}
