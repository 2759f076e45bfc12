package com.cogov.api.catalog;

import com.cogov.contracts.catalog.DrugView;
import com.cogov.infra.dev.DemoData;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogServiceTest implements DevServicesTest {

    @Inject
    CatalogService catalog;
    @Inject
    DrugRepository drugs;
    @Inject
    DrugBarcodeRepository barcodes;

    @Test
    void resolvesACommodityBarcodeToTheDrugWithItsSpecialCategory() {
        DrugView drug = catalog.findByCode(DemoData.EXAMPLE_BARCODE);
        assertThat(drug.genericName()).isEqualTo("复方盐酸伪麻黄碱缓释胶囊");
        assertThat(drug.specialCategory()).isNotNull();
        assertThat(drug.specialCategory().code()).isEqualTo("EPHEDRINE_COMPOUND");
        assertThat(drug.perSaleLimit()).isEqualTo(2);
        assertThat(drug.barcodes()).containsExactly(DemoData.EXAMPLE_BARCODE);
        assertThat(drug.matchedBy()).isEqualTo(DrugView.MatchKind.COMMODITY_BARCODE);
    }

    @Test
    void resolvesATraceabilityCodeByItsProductIdentifier() {
        DrugView drug = catalog.findByCode(DemoData.EXAMPLE_BARCODE);
        DrugView traced = catalog.findByCode(drug.productIdentifier() + "1234567890123");
        assertThat(traced.id()).isEqualTo(drug.id());
        assertThat(traced.matchedBy()).isEqualTo(DrugView.MatchKind.TRACEABILITY_CODE);
    }

    @Test
    void aValidButUnknownBarcodeIsNotFound() {
        assertThatThrownBy(() -> catalog.findByCode("6901028075831")).isInstanceOf(DrugNotFoundException.class);
    }

    @Test
    void demoCatalogHasEveryBarcodeChecksumValidAndSpecialDrugsInEveryCategory() {
        assertThat(drugs.count()).isGreaterThanOrEqualTo(300);
        StreamSupport.stream(barcodes.findAll().spliterator(), false)
                .forEach(b -> assertThat(Barcode.parse(b.barcode()).value()).isEqualTo(b.barcode()));
        var perCategory = StreamSupport.stream(drugs.findAll().spliterator(), false)
                .filter(d -> d.specialCategoryCode() != null)
                .collect(Collectors.groupingBy(Drug::specialCategoryCode, Collectors.counting()));
        assertThat(perCategory.keySet())
                .containsExactlyInAnyOrder("EPHEDRINE_COMPOUND", "CODEINE_ORAL_LIQUID", "DEXTROMETHORPHAN", "DIPHENOXYLATE_COMPOUND");
        assertThat(perCategory.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(30);
    }
}
