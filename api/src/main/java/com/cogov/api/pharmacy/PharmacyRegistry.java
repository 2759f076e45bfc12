package com.cogov.api.pharmacy;

import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CreditCode;
import com.cogov.api.shared.DuplicateKey;
import com.cogov.contracts.pharmacy.PharmacyChangeKind;
import com.cogov.contracts.pharmacy.PharmacyChangeView.FieldChange;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacyView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** 药店新增: a new pharmacy, ACTIVE, in a district of the caller's scope, its licence number unique in the city. */
@Singleton
class PharmacyRegistry {

    private final PharmacyRows rows;
    private final PharmacyScope scope;
    private final ChangeRecords records;
    private final PharmacyViews views;

    PharmacyRegistry(PharmacyRows rows, PharmacyScope scope, ChangeRecords records, PharmacyViews views) {
        this.rows = rows;
        this.scope = scope;
        this.records = records;
        this.views = views;
    }

    @Transactional
    PharmacyView create(Actor actor, PharmacyRequests.Create request) {
        scope.confinedTo(actor);
        CreditCode creditCode = CreditCode.parse(request.creditCode());
        District district = scope.openDistrict(actor, request.districtCode());
        String license = request.licenseNumber().strip();
        long id;
        try {
            id = rows.insert(
                    license,
                    creditCode.value(),
                    request.name().strip(),
                    district.code(),
                    request.address().strip(),
                    request.latitude(),
                    request.longitude(),
                    blankToNull(request.openingHours()),
                    blankToNull(request.phone()));
        } catch (RuntimeException e) {
            // the unique key decides: a check before the insert sees no row while another request adds the same one
            if (DuplicateKey.violated(e, "uk_pharmacy_license")) {
                throw PharmacyChangeRefusedException.licenseTaken(license);
            }
            throw e;
        }
        Pharmacy created = rows.find(id).orElseThrow();
        records.pharmacy(actor, created, PharmacyChangeKind.CREATED, fields(created), null);
        return views.view(created, null);
    }

    /** Every field as set at creation, so the history shows where each value came from. */
    static List<FieldChange> fields(Pharmacy p) {
        List<FieldChange> fields = new ArrayList<>();
        fields.add(new FieldChange("licenseNumber", null, p.licenseNumber()));
        fields.add(new FieldChange("creditCode", null, p.creditCode()));
        fields.add(new FieldChange("name", null, p.name()));
        fields.add(new FieldChange("districtCode", null, p.districtCode()));
        fields.add(new FieldChange("address", null, p.address()));
        fields.add(new FieldChange("latitude", null, text(p.latitude())));
        fields.add(new FieldChange("longitude", null, text(p.longitude())));
        fields.add(new FieldChange("openingHours", null, p.openingHours()));
        fields.add(new FieldChange("phone", null, p.phone()));
        fields.add(new FieldChange("status", null, p.status().name()));
        return fields;
    }

    @Nullable
    static String text(@Nullable BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    @Nullable
    static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
