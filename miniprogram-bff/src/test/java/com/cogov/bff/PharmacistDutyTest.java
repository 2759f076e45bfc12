package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.pharmacy.PharmacistRequests;
import com.cogov.contracts.pharmacy.PharmacistView;
import com.cogov.contracts.publicsearch.PublicPharmacy;
import com.cogov.contracts.publicsearch.PublicPharmacyDetail;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A pharmacy's manager keeps its licensed pharmacists and marks who is on duty; the citizen sees it in the public
 * pharmacy search of the mini-program (issue 20 §1, "Pharmacist on duty").
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PharmacistDutyTest implements DevServicesTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PublicSearchClient search;

    MiniProgramSessions mp;
    Tokens manager;
    Tokens clerk;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put("cogov.public-search.copy-lifetime", "0s");
        return properties;
    }

    @BeforeAll
    void signIn() throws Exception {
        try (Connection c = devServices().openConnection()) {
            // open round the clock: a duty mark set now lapses at the city's next midnight
            c.createStatement().executeUpdate("UPDATE pharmacy SET opening_hours = '00:00-24:00' WHERE id = 1");
        }
        mp = new MiniProgramSessions(client);
        manager = mp.signIn("demo-manager");
        clerk = mp.signIn("demo-clerk");
    }

    @Test
    void theManagerAddsAPharmacistMarksThemOnDutyUntilTheEndOfTheDayAndThePublicSeesIt() {
        String license = "ZYB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<PharmacistView> added = client.toBlocking()
                .exchange(
                        HttpRequest.POST("/mp/v1/pharmacy/pharmacists", new PharmacistRequests.Add("周值班", license))
                                .bearerAuth(manager.accessToken()),
                        PharmacistView.class);
        assertThat(added.code()).isEqualTo(201);
        PharmacistView pharmacist = added.body();
        assertThat(pharmacist.onDuty()).isFalse();

        PharmacistView onDuty = duty(pharmacist.id(), true);
        assertThat(onDuty.onDuty()).isTrue();
        assertThat(onDuty.onDutyUntil())
                .isEqualTo(LocalDate.now(CHINA).plusDays(1).atStartOfDay(CHINA).toInstant());

        List<PharmacistView> listed =
                mp.call(HttpRequest.GET("/mp/v1/pharmacy/pharmacists"), clerk, Argument.listOf(PharmacistView.class));
        assertThat(listed).anySatisfy(p -> {
            assertThat(p.licenseNumber()).isEqualTo(license);
            assertThat(p.onDuty()).isTrue();
        });
        PublicPharmacyDetail detail = search.pharmacy(1);
        assertThat(detail.pharmacists()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("周值班");
            assertThat(p.licenseNumber()).isEqualTo(license);
            assertThat(p.onDuty()).isTrue();
        });
        assertThat(detail.pharmacy().pharmacistOnDuty()).isTrue();
        assertThat(search.pharmacies(null, "420106", null, null, null, null, true, null, null, 200)
                        .items())
                .extracting(PublicPharmacy::id)
                .contains(1L);

        assertThat(duty(pharmacist.id(), false).onDuty()).isFalse();
        assertThat(search.pharmacy(1).pharmacists())
                .filteredOn(p -> p.licenseNumber().equals(license))
                .singleElement()
                .satisfies(p -> assertThat(p.onDuty()).isFalse());
    }

    @Test
    void aLicenceOnTheRegisterIsRefusedAndAClerkMayNotAddOrMark() {
        String license = "ZYC" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mp.call(
                HttpRequest.POST("/mp/v1/pharmacy/pharmacists", new PharmacistRequests.Add("吴药师", license)),
                manager,
                PharmacistView.class);
        assertThat(mp.refused(
                                HttpRequest.POST(
                                                "/mp/v1/pharmacy/pharmacists",
                                                new PharmacistRequests.Add("吴药师", license.toLowerCase()))
                                        .bearerAuth(manager.accessToken()),
                                409)
                        .code())
                .isEqualTo("PHARMACIST_LICENSE_TAKEN");
        assertThat(mp.refusedWithAnyOf(HttpRequest.POST(
                                "/mp/v1/pharmacy/pharmacists", new PharmacistRequests.Add("钱药师", license + "X"))
                        .bearerAuth(clerk.accessToken())))
                .isEqualTo(403);
        assertThat(mp.refused(
                                HttpRequest.POST("/mp/v1/pharmacy/pharmacists/999999/duty", Map.of("onDuty", true))
                                        .bearerAuth(manager.accessToken()),
                                404)
                        .code())
                .isEqualTo("PHARMACIST_NOT_FOUND");
        assertThat(mp.refused(
                                HttpRequest.POST("/mp/v1/pharmacy/pharmacists/1/duty", Map.of())
                                        .bearerAuth(manager.accessToken()),
                                400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void theMiniProgramsPublicRoutesAreOpenAndCacheable() {
        HttpResponse<String> answer =
                client.toBlocking().exchange(HttpRequest.GET("/mp/v1/public/drugs?q=xktk&limit=5"), String.class);
        assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(answer.header("ETag")).isNotBlank();
        assertThat(search.drugs("xktk", null, null, null, null, null, 5).items())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.name()).isEqualTo("新康泰克"));
        assertThat(search.pharmacies(null, null, 30.55, 114.32, 3000, null, null, null, null, 10)
                        .items())
                .isNotEmpty()
                .extracting(PublicPharmacy::distanceMeters)
                .isSorted();
    }

    private PharmacistView duty(long id, boolean onDuty) {
        return mp.call(
                HttpRequest.POST("/mp/v1/pharmacy/pharmacists/" + id + "/duty", new PharmacistRequests.Duty(onDuty)),
                manager,
                PharmacistView.class);
    }
}
