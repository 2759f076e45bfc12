package com.cogov.api.registration;

import com.cogov.api.buyer.BuyerService;
import com.cogov.api.buyer.VerifiedBuyer;
import com.cogov.api.catalog.CatalogService;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.buyer.BuyerView;
import com.cogov.contracts.registration.RegistrationResult;
import com.cogov.contracts.registration.RegistrationView;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Stored registrations as a pharmacy is shown them: the buyer masked, drug names, warnings spelled out. */
@Singleton
class RegistrationViews {

    /** What a stored warning code means, for the record's later readers (the full sentence was in the 201 answer). */
    private static final Map<String, String> WARNING_LABELS = Map.of(
            "MINOR", "购买人未满18周岁",
            "VELOCITY_24H", "该购买人24小时内在全市购买过多",
            "VELOCITY_7D", "该购买人7天内在全市购买过多",
            "VELOCITY_PHARMACIES", "该购买人7天内在多家药店购买",
            "TRACE_CODE_RESOLD", "追溯码已在此前的销售中登记，疑似回流药品");

    private final RegistrationReads reads;
    private final PrivacyService privacy;
    private final BuyerService buyers;
    private final CatalogService catalog;
    private final CityConfiguration city;
    private final Clock clock;

    RegistrationViews(
            RegistrationReads reads,
            PrivacyService privacy,
            BuyerService buyers,
            CatalogService catalog,
            CityConfiguration city,
            Clock clock) {
        this.reads = reads;
        this.privacy = privacy;
        this.buyers = buyers;
        this.catalog = catalog;
        this.city = city;
        this.clock = clock;
    }

    RegistrationView view(StoredRegistration row) {
        return views(List.of(row)).get(0);
    }

    /** With the items of all of them in one read. */
    List<RegistrationView> views(List<StoredRegistration> rows) {
        Map<Long, List<RegistrationReads.ItemRow>> items =
                reads.items(rows.stream().map(StoredRegistration::id).toList()).stream()
                        .collect(Collectors.groupingBy(RegistrationReads.ItemRow::registrationId));
        LocalDate today = city.today(clock);
        return rows.stream()
                .map(r -> {
                    List<RegistrationView.Item> lines = items.getOrDefault(r.id(), List.of()).stream()
                            .map(i -> new RegistrationView.Item(
                                    i.drugId(),
                                    i.drugName(),
                                    i.category(),
                                    i.quantity(),
                                    i.batchNumber(),
                                    i.traceCodes()))
                            .toList();
                    List<RegistrationResult.Warning> warnings = warnings(r.warnings());
                    return new RegistrationView(
                            r.number(),
                            r.voidedAt() == null ? RegistrationView.Status.ACTIVE : RegistrationView.Status.VOIDED,
                            r.soldAt(),
                            r.recordedAt(),
                            r.pharmacyId(),
                            r.clerkId(),
                            buyer(r.buyer(), today),
                            lines,
                            r.prescriptionNumber(),
                            warnings,
                            r.voidedAt(),
                            r.voidReason() == null ? null : privacy.redact(r.voidReason()));
                })
                .toList();
    }

    /** The stored warning codes spelled out. */
    static List<RegistrationResult.Warning> warnings(String codes) {
        return codes == null
                ? List.of()
                : Arrays.stream(codes.split(","))
                        .map(c -> new RegistrationResult.Warning(c, WARNING_LABELS.getOrDefault(c, c)))
                        .toList();
    }

    /** The buyer masked, with their age on {@code day}. */
    BuyerView buyer(SealedBuyer buyer, LocalDate day) {
        return buyers.view(masked(buyer), day);
    }

    String drugName(long drugId) {
        return catalog.findById(drugId).name();
    }

    /** The buyer feature shows a buyer from its own type, given the masked values only (no name index is read). */
    private VerifiedBuyer masked(SealedBuyer b) {
        return new VerifiedBuyer(
                b.documentType(),
                b.numberSealed(),
                b.numberIndex(),
                b.nameSealed(),
                null,
                privacy.mask(PersonalField.ID_NUMBER, privacy.open(b.numberSealed())),
                privacy.mask(PersonalField.NAME, privacy.open(b.nameSealed())),
                b.birthDate(),
                b.sex());
    }
}
