package com.cogov.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.WriteOutcome;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.catalog.DrugStatus;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem.FieldError;
import com.cogov.infra.dev.DemoData;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The catalog's one writer, as the imports piece calls it: upsert by natural key, rejections that name the field. */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrugEditingTest implements DevServicesTest {

    private static final Actor ADMIN = new Actor(1L, Role.CITY_ADMIN, null, "420100", null, "127.0.0.1", null);
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 9_000_000));

    @Inject
    DrugEditing editing;

    @Inject
    CatalogService catalog;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aNewDrugIsInsertedThenUpdatedThenUnchangedAndResolvesByItsBarcodeOnceAnnounced() {
        String approval = approvalNumber();
        String barcode = barcode();
        DrugDraft draft = draft(approval, "每片含盐酸伪麻黄碱30mg", "盒", List.of(barcode));

        assertThat(editing.upsert(draft, ADMIN)).isEqualTo(WriteOutcome.INSERTED);
        catalog.catalogChanged();
        DrugView stored = catalog.findByCode(barcode);
        assertThat(stored.approvalNumber()).isEqualTo(approval);
        assertThat(stored.status()).isEqualTo(DrugStatus.ACTIVE);
        assertThat(stored.perSaleLimit()).isEqualTo(2); // the category's default

        assertThat(editing.upsert(draft, ADMIN)).isEqualTo(WriteOutcome.UNCHANGED);

        String second = barcode();
        DrugDraft changed = new DrugDraft(
                "新名字",
                "氨酚伪麻片",
                "江城制药有限公司",
                "每片含盐酸伪麻黄碱30mg",
                "片剂",
                "盒",
                approval,
                "EPHEDRINE_COMPOUND",
                false,
                1,
                List.of(second));
        assertThat(editing.upsert(changed, ADMIN)).isEqualTo(WriteOutcome.UPDATED);
        catalog.catalogChanged();
        DrugView updated = catalog.findByCode(second);
        assertThat(updated.id()).isEqualTo(stored.id());
        assertThat(updated.name()).isEqualTo("新名字");
        assertThat(updated.perSaleLimit()).isEqualTo(1);
        assertThat(updated.barcodes()).containsExactlyInAnyOrder(barcode, second); // upsert never removes one
    }

    @Test
    void aPackagingVariantWithTheSameApprovalNumberIsADrugOfItsOwn() {
        String approval = approvalNumber();
        assertThat(editing.upsert(draft(approval, "0.25g", "盒", List.of(barcode())), ADMIN))
                .isEqualTo(WriteOutcome.INSERTED);
        assertThat(editing.upsert(draft(approval, "0.25g", "瓶", List.of(barcode())), ADMIN))
                .isEqualTo(WriteOutcome.INSERTED);
        // full-width digits and letters are the same key
        assertThat(editing.upsert(draft(approval, "０.２５ｇ", "瓶", List.of()), ADMIN))
                .isEqualTo(WriteOutcome.UNCHANGED);
    }

    @Test
    void aBarcodeOfAnotherDrugIsRefusedWithoutSpoilingTheCallersTransaction() {
        String taken = DemoData.EXAMPLE_BARCODE;
        String approval = approvalNumber();
        String free = barcode();
        WriteOutcome after = transactions.executeWrite(status -> {
            assertThatThrownBy(() -> editing.upsert(draft(approvalNumber(), "1g", "盒", List.of(taken)), ADMIN))
                    .isInstanceOfSatisfying(BarcodeTakenException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BARCODE_TAKEN);
                        assertThat(e.ownerId())
                                .isEqualTo(catalog.findByCode(taken).id());
                    });
            return editing.upsert(draft(approval, "1g", "盒", List.of(free)), ADMIN); // the next row still commits
        });
        assertThat(after).isEqualTo(WriteOutcome.INSERTED);
        catalog.catalogChanged();
        assertThat(catalog.findByCode(free).approvalNumber()).isEqualTo(approval);
    }

    @Test
    void aMalformedDraftNamesEveryBadField() {
        assertThatThrownBy(() -> new DrugDraft(
                        " ",
                        "通用名",
                        "厂家",
                        "1g",
                        "片剂",
                        "盒",
                        "国药准字X123",
                        null,
                        false,
                        0,
                        List.of("6901028075832", "12345")))
                .isInstanceOfSatisfying(
                        DrugDraftInvalidException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactly(
                                        "name", "approvalNumber", "perSaleLimit", "barcodes[0]", "barcodes[1]"));
    }

    @Test
    void importLicencesAreAcceptedAndNormalised() {
        assertThat(draft("进口药品注册证号：h20130787", "1g", "盒", List.of()).approvalNumber())
                .isEqualTo("H20130787");
        assertThat(draft("医药产品注册证号HC20140012", "1g", "盒", List.of()).approvalNumber())
                .isEqualTo("HC20140012");
        assertThat(draft("国药准字 HJ20200012", "1g", "盒", List.of()).approvalNumber())
                .isEqualTo("国药准字HJ20200012");
        assertThat(draft("国药准字Ｚ２００２０００１", "1g", "盒", List.of()).approvalNumber())
                .isEqualTo("国药准字Z20020001");
    }

    @Test
    void anUnknownCategoryOrAPsychotropicSoldWithoutPrescriptionIsRefused() {
        assertThatThrownBy(() -> editing.upsert(
                        new DrugDraft(
                                "甲", "甲", "厂", "1g", "片剂", "盒", approvalNumber(), "NO_SUCH", false, null, List.of()),
                        ADMIN))
                .isInstanceOfSatisfying(
                        DrugDraftInvalidException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactly("specialCategoryCode"));
        assertThatThrownBy(() -> editing.upsert(
                        new DrugDraft(
                                "乙",
                                "乙",
                                "厂",
                                "15mg",
                                "片剂",
                                "盒",
                                approvalNumber(),
                                "DEXTROMETHORPHAN",
                                false,
                                null,
                                List.of()),
                        ADMIN))
                .isInstanceOfSatisfying(
                        DrugDraftInvalidException.class,
                        e -> assertThat(e.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactly("prescriptionOnly"));
    }

    @Test
    void onlyTheCityAdministratorWritesTheCatalog() {
        Actor inspector = new Actor(5L, Role.DISTRICT_INSPECTOR, null, "420106", null, "127.0.0.1", null);
        assertThatThrownBy(() -> editing.upsert(draft(approvalNumber(), "1g", "盒", List.of()), inspector))
                .isInstanceOf(AccessDeniedException.class);
    }

    static DrugDraft draft(String approval, String strength, String unit, List<String> barcodes) {
        return new DrugDraft(
                "测试感冒片",
                "氨酚伪麻片",
                "江城制药有限公司",
                strength,
                "片剂",
                unit,
                approval,
                "EPHEDRINE_COMPOUND",
                false,
                null,
                barcodes);
    }

    static String approvalNumber() {
        return "国药准字H" + String.format("%08d", 90_000_000 + NEXT.incrementAndGet() % 9_000_000);
    }

    /** A checksum-valid EAN-13 no demo drug has (demo codes start 6971...). */
    static String barcode() {
        return DemoData.ean13("694" + String.format("%09d", NEXT.incrementAndGet()));
    }
}
