package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.catalog.UnknownBarcodeReportRequest;
import com.cogov.contracts.catalog.UnknownBarcodeReportView;
import com.cogov.contracts.error.Problem;
import com.cogov.infra.dev.DemoData;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A clerk reports a code the catalog lacks; the regulator adds it later. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownBarcodeReportTest implements DevServicesTest {

    private static final String PATH = "/mp/v1/drugs/barcode/reports";

    @Inject
    @Client("/")
    HttpClient client;

    MiniProgramSessions mp;
    Tokens clerk;
    Tokens manager;

    @BeforeAll
    void signIn() {
        mp = new MiniProgramSessions(client);
        clerk = mp.signIn("demo-clerk");
        manager = mp.signIn("demo-manager");
    }

    @Test
    void aReportIsMadeOnceAndARepeatByThePharmacyAnswersTheSameReport() {
        HttpResponse<UnknownBarcodeReportView> first =
                report(clerk, new UnknownBarcodeReportRequest("6901028075886", "蓝色盒子，楚天药业"));
        HttpResponse<UnknownBarcodeReportView> repeat =
                report(manager, new UnknownBarcodeReportRequest("6901028075886", null));

        assertThat(first.code()).isEqualTo(201);
        assertThat(first.body().status()).isEqualTo(UnknownBarcodeReportView.Status.NEW);
        assertThat(first.body().note()).isEqualTo("蓝色盒子，楚天药业");
        assertThat(repeat.code()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
    }

    @Test
    void thePharmacyIsTheReportersOwnWhateverTheBodySays() throws Exception {
        var request = HttpRequest.POST(PATH, Map.of("barcode", "6901028075893", "pharmacyId", 2, "reportedBy", 1))
                .bearerAuth(clerk.accessToken());
        UnknownBarcodeReportView report = client.toBlocking().retrieve(request, UnknownBarcodeReportView.class);
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT pharmacy_id, reported_by FROM unknown_barcode_report WHERE id = "
                                + report.id())) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong("pharmacy_id")).isEqualTo(1L);
            assertThat(rs.getLong("reported_by")).isEqualTo(clerk.profile().accountId());
        }
    }

    @Test
    void aMalformedCodeIsRejectedWithTheReason() {
        Problem wrongCheckDigit = mp.refused(post(clerk, new UnknownBarcodeReportRequest("6901028075832", null)), 400);
        assertThat(wrongCheckDigit.code()).isEqualTo("BARCODE_INVALID");
        assertThat(wrongCheckDigit.detail()).contains("校验位");
        assertThat(mp.refused(post(clerk, new UnknownBarcodeReportRequest("12345", null)), 400)
                        .code())
                .isEqualTo("BARCODE_INVALID");
        Problem blank = mp.refused(post(clerk, new UnknownBarcodeReportRequest(" ", null)), 400);
        assertThat(blank.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(blank.errors()).extracting(Problem.FieldError::field).containsExactly("barcode");
    }

    @Test
    void aCodeTheCatalogKnowsIsNotReported() {
        Problem p = mp.refused(post(clerk, new UnknownBarcodeReportRequest(DemoData.EXAMPLE_BARCODE, null)), 409);
        assertThat(p.code()).isEqualTo("BARCODE_ALREADY_KNOWN");
        assertThat(p.detail()).contains("新康泰克");
    }

    @Test
    void onlyPharmacyStaffReport() {
        var body = new UnknownBarcodeReportRequest("6901028075909", null);
        assertThat(mp.refused(HttpRequest.POST(PATH, body), 401).code()).isEqualTo("UNAUTHENTICATED");
        Tokens citizen = mp.signIn("citizen-" + UUID.randomUUID());
        assertThat(mp.refused(post(citizen, body), 403).code()).isEqualTo("FORBIDDEN");
        assertThat(mp.refused(post(mp.signIn("demo-inspector"), body), 403).code())
                .isEqualTo("FORBIDDEN");
    }

    private HttpResponse<UnknownBarcodeReportView> report(Tokens tokens, UnknownBarcodeReportRequest body) {
        return client.toBlocking().exchange(post(tokens, body), UnknownBarcodeReportView.class);
    }

    private static io.micronaut.http.MutableHttpRequest<?> post(Tokens tokens, UnknownBarcodeReportRequest body) {
        return HttpRequest.POST(PATH, body).bearerAuth(tokens.accessToken());
    }
}
