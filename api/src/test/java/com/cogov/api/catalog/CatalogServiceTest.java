package com.cogov.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.api.shared.ImageUpload;
import com.cogov.contracts.catalog.DecodedBarcodes;
import com.cogov.contracts.catalog.DecodedBarcodes.DecodedBarcode;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.infra.dev.BarcodePhotos;
import com.cogov.infra.dev.DemoData;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
                .containsExactlyInAnyOrder(
                        "EPHEDRINE_COMPOUND", "CODEINE_ORAL_LIQUID", "DEXTROMETHORPHAN", "DIPHENOXYLATE_COMPOUND");
        assertThat(perCategory.values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void aGs1DataMatrixResolvesThroughItsGtinAndShowsExpiryBatchAndSerial() {
        DecodedBarcodes decoded =
                catalog.decodePhoto(ImageUpload.of(BarcodePhotos.photo(BarcodePhotos.Photo.GS1_DATAMATRIX)));
        assertThat(decoded.codes()).hasSize(1);
        DecodedBarcode code = decoded.codes().get(0);
        assertThat(code.format()).isEqualTo(DecodedBarcodes.Format.DATA_MATRIX);
        assertThat(code.text()).isEqualTo("0106971200000012" + "17281231" + "10B2026\u001d" + "21SN123");
        assertThat(code.gs1())
                .isEqualTo(new DecodedBarcodes.Gs1Elements(
                        "06971200000012", LocalDate.of(2028, 12, 31), "B2026", "SN123"));
        assertThat(code.code()).isEqualTo(DemoData.EXAMPLE_BARCODE);
        assertThat(code.drug().genericName()).isEqualTo("复方盐酸伪麻黄碱缓释胶囊");
        assertThat(code.errorCode()).isNull();
    }

    @Test
    void anUnresolvableCodeCarriesItsReasonNextToTheCodesThatResolved() {
        DecodedBarcodes decoded =
                catalog.decodePhoto(ImageUpload.of(BarcodePhotos.photo(BarcodePhotos.Photo.KNOWN_AND_UNKNOWN)));
        assertThat(decoded.codes())
                .extracting(DecodedBarcode::text, DecodedBarcode::code, DecodedBarcode::errorCode)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DemoData.EXAMPLE_BARCODE, DemoData.EXAMPLE_BARCODE, null),
                        org.assertj.core.groups.Tuple.tuple(
                                BarcodePhotos.UNKNOWN_EAN13, BarcodePhotos.UNKNOWN_EAN13, "DRUG_NOT_FOUND"),
                        org.assertj.core.groups.Tuple.tuple(BarcodePhotos.QR_TEXT, null, "BARCODE_INVALID"));
        assertThat(decoded.codes()).filteredOn(c -> c.errorCode() != null).allSatisfy(c -> {
            assertThat(c.drug()).isNull();
            assertThat(c.errorDetail()).isNotBlank();
        });
    }
}
