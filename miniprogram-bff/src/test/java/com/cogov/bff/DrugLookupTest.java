package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.pharmacy.DistrictView;
import com.cogov.infra.dev.DemoData;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Anyone (a clerk at the counter, or the public) scans or types a code and gets the drug. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrugLookupTest implements DevServicesTest {

    @Inject
    LookupClient lookups;

    @Inject
    @Client("/mp/v1")
    HttpClient client;

    @Test
    void aScannedBarcodeShowsTheDrugAndItsSpecialCategory() {
        DrugView drug = lookups.drugByBarcode(DemoData.EXAMPLE_BARCODE);
        assertThat(drug.genericName()).isEqualTo("复方盐酸伪麻黄碱缓释胶囊");
        assertThat(drug.specialCategory().name()).isEqualTo("含麻黄碱类复方制剂");
        assertThat(drug.perSaleLimit()).isEqualTo(2);
    }

    @Test
    void aTraceabilityCodeFindsTheSameDrug() {
        DrugView drug = lookups.drugByBarcode(DemoData.EXAMPLE_BARCODE);
        DrugView traced = lookups.drugByBarcode(drug.productIdentifier() + "0000000000001");
        assertThat(traced.id()).isEqualTo(drug.id());
    }

    @Test
    void aMistypedBarcodeIsRejectedWithAnActionableMessage() {
        Problem p = problem("6971200000019", 400);
        assertThat(p.code()).isEqualTo("BARCODE_INVALID");
        assertThat(p.detail()).contains("重新扫描");
    }

    @Test
    void lettersAreNotABarcode() {
        assertThat(problem("ABC123", 400).code()).isEqualTo("BARCODE_INVALID");
    }

    @Test
    void anUnknownBarcodeIsNotFoundAndCanBeReported() {
        // A declarative client answers a 404 with null, so the problem body is read through the low-level client.
        assertThat(lookups.drugByBarcode("6901028075831")).isNull();
        HttpClientResponseException e = catchThrowableOfType(
                HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/drugs/barcode/6901028075831"), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        Problem p = e.getResponse().getBody(Problem.class).orElseThrow();
        assertThat(p.code()).isEqualTo("DRUG_NOT_FOUND");
        assertThat(p.title()).contains("上报");
    }

    @Test
    void theDistrictPickerListsWuhansThirteenDistricts() {
        List<DistrictView> districts = lookups.districts();
        assertThat(districts).extracting(DistrictView::code).contains("420106").doesNotContain("420100");
        assertThat(districts).extracting(DistrictView::name).contains("武昌区", "新洲区");
    }

    private Problem problem(String code, int status) {
        return MiniProgramSessions.refused(() -> lookups.drugByBarcode(code), status);
    }
}
