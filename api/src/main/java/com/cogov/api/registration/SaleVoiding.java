package com.cogov.api.registration;

import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.registration.RegistrationView;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/** Voiding a registration: a new record within the void window; the sale stays on file and stops counting. */
@Singleton
class SaleVoiding {

    private final RegistrationReads reads;
    private final RegistrationWriter writer;
    private final Velocity velocity;
    private final RegistrationViews views;
    private final PrivacyService privacy;
    private final RegistrationConfiguration config;
    private final Clock clock;

    SaleVoiding(
            RegistrationReads reads,
            RegistrationWriter writer,
            Velocity velocity,
            RegistrationViews views,
            PrivacyService privacy,
            RegistrationConfiguration config,
            Clock clock) {
        this.reads = reads;
        this.writer = writer;
        this.velocity = velocity;
        this.views = views;
        this.privacy = privacy;
        this.config = config;
        this.clock = clock;
    }

    RegistrationView voidRegistration(Actor clerk, String number, String reason) {
        StoredRegistration row = reads.own(clerk.pharmacyId(), number);
        long id = row.id();
        if (row.voidedAt() != null) {
            throw RegistrationException.of(ErrorCode.ALREADY_VOIDED, "该登记已于 " + row.voidedAt() + " 作废");
        }
        if (row.recordedAt().plus(config.voidWindow()).isBefore(clock.instant())) {
            throw RegistrationException.of(
                    ErrorCode.VOID_WINDOW_CLOSED, "登记超过" + config.voidWindow().toHours() + "小时后不能作废，请联系辖区监管部门");
        }
        writer.voidSale(clerk, row, reason, privacy.redact(reason));
        reads.items(List.of(id)).stream()
                .collect(Collectors.groupingBy(
                        RegistrationReads.ItemRow::category,
                        Collectors.summingInt(RegistrationReads.ItemRow::quantity)))
                .forEach((category, packages) -> velocity.voided(
                        row.buyer().numberIndex(),
                        category,
                        new Velocity.Purchase(id, row.pharmacyId(), packages, row.soldAt())));
        return views.view(reads.own(clerk.pharmacyId(), number));
    }
}
