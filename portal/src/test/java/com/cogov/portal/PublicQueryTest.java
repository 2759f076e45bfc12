package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.pharmacy.DistrictView;
import com.cogov.infra.dev.DemoData;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A citizen on the web portal looks up a drug and the districts, without signing in. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicQueryTest implements PortalTest {

    @Inject
    @Client("/portal/v1")
    HttpClient client;

    @Inject
    PublicLookupClient lookups;

    @Test
    void looksADrugUpByItsBarcode() {
        DrugView drug = lookups.drugByBarcode(DemoData.EXAMPLE_BARCODE);
        assertThat(drug.name()).isEqualTo("新康泰克");
    }

    @Test
    void listsTheThirteenDistrictsInCodeOrder() {
        List<DistrictView> districts = lookups.districts();
        assertThat(districts).hasSize(13);
        assertThat(districts.get(0)).isEqualTo(new DistrictView("420102", "江岸区"));
        assertThat(districts).extracting(DistrictView::code).isSorted();
    }

    @Test
    void unknownPortalRouteAnswersInTheErrorFormat() {
        HttpClientResponseException e = catchThrowableOfType(
                HttpClientResponseException.class, () -> client.toBlocking().retrieve("/public/nothing-here"));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().getBody(Problem.class).orElseThrow().code()).isEqualTo("NOT_FOUND");
    }
}
