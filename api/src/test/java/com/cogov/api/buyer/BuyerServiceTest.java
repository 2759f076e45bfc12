package com.cogov.api.buyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.buyer.BuyerView;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.buyer.Sex;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Typed documents through the feature's entry: what is sealed, indexed and shown. */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuyerServiceTest implements DevServicesTest {

    @Inject
    BuyerService buyers;

    @Inject
    PrivacyService privacy;

    @Test
    void sealsTheNormalisedNumberAndNameAndShowsThemMasked() {
        VerifiedBuyer buyer = buyers.verify(
                DocumentType.RESIDENT_ID,
                TestPersonalData.BUYER_ID_LOWERCASE_TYPED,
                "  " + TestPersonalData.BUYER_NAME + " ");
        assertThat(buyer.numberSealed()).startsWith("v1:").doesNotContain(TestPersonalData.BUYER_ID);
        assertThat(privacy.open(buyer.numberSealed())).isEqualTo(TestPersonalData.BUYER_ID);
        assertThat(privacy.open(buyer.nameSealed())).isEqualTo(TestPersonalData.BUYER_NAME);
        assertThat(buyer.numberIndex())
                .isEqualTo(privacy.blindIndex(PersonalField.ID_NUMBER, TestPersonalData.BUYER_ID));
        assertThat(buyer.nameIndex()).isEqualTo(privacy.blindIndex(PersonalField.NAME, TestPersonalData.BUYER_NAME));
        assertThat(buyer.maskedNumber())
                .isEqualTo(TestPersonalData.BUYER_ID.substring(0, 4)
                        + "*".repeat(10)
                        + TestPersonalData.BUYER_ID.substring(14));
        assertThat(buyer.maskedName()).isEqualTo(TestPersonalData.BUYER_NAME.charAt(0) + "***");
        assertThat(buyer.birthDate()).isEqualTo(LocalDate.of(1985, 6, 12));
        assertThat(buyer.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void aLegacyFifteenDigitNumberIsStoredAndIndexedAsItsEighteenDigitForm() {
        VerifiedBuyer legacy = buyers.verify(DocumentType.RESIDENT_ID, "110105491231002", "王芳");
        assertThat(privacy.open(legacy.numberSealed())).isEqualTo("11010519491231002X");
        assertThat(legacy.numberIndex())
                .isEqualTo(buyers.verify(DocumentType.RESIDENT_ID, "11010519491231002X", "王芳")
                        .numberIndex());
    }

    @Test
    void aResidentIdAndASocialSecurityCardOfOnePersonShareTheIndex() {
        VerifiedBuyer card =
                buyers.verify(DocumentType.RESIDENT_ID, TestPersonalData.BUYER_ID, TestPersonalData.BUYER_NAME);
        VerifiedBuyer socialSecurity =
                buyers.verify(DocumentType.SOCIAL_SECURITY, TestPersonalData.BUYER_ID, TestPersonalData.BUYER_NAME);
        assertThat(socialSecurity.documentType()).isEqualTo(DocumentType.SOCIAL_SECURITY);
        assertThat(socialSecurity.numberIndex()).isEqualTo(card.numberIndex());
    }

    @Test
    void passportAndPermitNumbersAreIndexedWithTheirTypeSinceTheirNumberingsCanCoincide() {
        VerifiedBuyer passport = buyers.verify(DocumentType.PASSPORT, "h12345678", "John Smith");
        VerifiedBuyer permit = buyers.verify(DocumentType.HK_MACAO_PERMIT, "H12345678", "John Smith");
        assertThat(privacy.open(passport.numberSealed())).isEqualTo("H12345678");
        assertThat(passport.numberIndex())
                .isNotEqualTo(permit.numberIndex())
                .isEqualTo(buyers.verify(DocumentType.PASSPORT, "H1234 5678", "John Smith")
                        .numberIndex());
        assertThat(passport.birthDate()).isNull();
        assertThat(passport.ageOn(LocalDate.now())).isEmpty();
        assertThat(passport.maskedNumber()).isEqualTo("H1*****78");
    }

    @Test
    void theViewShowsTheBuyerMaskedWithAgeAndSex() {
        VerifiedBuyer buyer =
                buyers.verify(DocumentType.RESIDENT_ID, TestPersonalData.BUYER_ID, TestPersonalData.BUYER_NAME);
        BuyerView view = buyers.view(buyer, LocalDate.of(2026, 6, 12));
        assertThat(view)
                .isEqualTo(new BuyerView(
                        DocumentType.RESIDENT_ID, buyer.maskedNumber(), buyer.maskedName(), 41, Sex.FEMALE));
        BuyerView passport =
                buyers.view(buyers.verify(DocumentType.PASSPORT, "E12345678", "John Smith"), LocalDate.of(2026, 6, 12));
        assertThat(passport.age()).isNull();
        assertThat(passport.sex()).isNull();
    }

    @Test
    void theNumberIsCheckedBeforeTheName() {
        assertThatThrownBy(() -> buyers.verify(DocumentType.RESIDENT_ID, "110105194912310021", ""))
                .isInstanceOf(InvalidIdNumberException.class);
        assertThatThrownBy(() -> buyers.verify(DocumentType.RESIDENT_ID, TestPersonalData.BUYER_ID, "3"))
                .isInstanceOf(InvalidBuyerNameException.class);
    }

    @Test
    void onlyCounterStaffOfAPharmacyScanOrUseReferences() {
        Actor inspector = new Actor(5L, Role.DISTRICT_INSPECTOR, null, "420106", null, null, null);
        Actor publicUser = new Actor(6L, Role.PUBLIC, null, null, null, null, null);
        for (Actor actor : new Actor[] {inspector, publicUser, Actor.anonymous(null, null)}) {
            assertThatThrownBy(() -> buyers.scan(actor, new byte[] {1})).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> buyers.fromReference(actor, "x".repeat(43)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
