package com.cogov.api.alert;

import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.contracts.alert.AlertDetailView;
import com.cogov.contracts.alert.AlertView;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;

/** Alerts as the desk shows them: the buyer opened only to be masked at once. */
@Singleton
class AlertViews {

    private final PrivacyService privacy;

    AlertViews(PrivacyService privacy) {
        this.privacy = privacy;
    }

    AlertView view(AlertRow a) {
        return new AlertView(
                a.id(),
                a.rule(),
                a.severity(),
                a.status(),
                a.districtCode(),
                a.pharmacyId(),
                a.pharmacyName(),
                a.category(),
                a.detail(),
                buyer(a.buyerDocumentType(), a.buyerNumberSealed(), a.buyerNameSealed()),
                a.registrationNumber(),
                a.occurrences(),
                a.createdAt(),
                a.updatedAt());
    }

    AlertDetailView.Sale sale(AlertQueries.SaleRow s, Map<Long, String> items) {
        return new AlertDetailView.Sale(
                s.number(),
                s.soldAt(),
                s.pharmacyId(),
                s.pharmacyName(),
                s.districtCode(),
                buyer(s.buyerDocumentType(), s.buyerNumberSealed(), s.buyerNameSealed()),
                items.getOrDefault(s.id(), ""),
                s.voided() ? "VOIDED" : "ACTIVE");
    }

    static AlertDetailView.Step step(AlertQueries.StepRow h) {
        return new AlertDetailView.Step(h.from(), h.to(), h.note(), h.accountId(), h.accountName(), h.at());
    }

    /** Null when the alert is about no one buyer (a pharmacy's surge). */
    @Nullable
    AlertView.Buyer buyer(@Nullable String documentType, @Nullable String numberSealed, @Nullable String nameSealed) {
        if (documentType == null) {
            return null;
        }
        return new AlertView.Buyer(
                documentType,
                privacy.mask(PersonalField.ID_NUMBER, privacy.open(numberSealed)),
                privacy.mask(PersonalField.NAME, privacy.open(nameSealed)));
    }
}
