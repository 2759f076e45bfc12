package com.cogov.api.pharmacy;

import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.pharmacy.PharmacyChangeKind;
import com.cogov.contracts.pharmacy.PharmacyChangeView.FieldChange;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import com.cogov.contracts.pharmacy.PharmacyView;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * 区域调动, by the city only (it moves a pharmacy between two districts' regulators). Sales already made keep the
 * district they were made in (each sale carries its own), so past statistics do not move; sales from now on are
 * counted in the new district (the counter reads the pharmacy's district at each sale), and the pharmacy's open
 * alerts and its staff's scope move with it ({@link PharmacyTransferredEvent}).
 */
@Singleton
class PharmacyTransfer {

    private final PharmacyRows rows;
    private final PharmacyScope scope;
    private final ChangeRecords records;
    private final PharmacyViews views;
    private final PrivacyService privacy;
    private final ApplicationEventPublisher<PharmacyTransferredEvent> transfers;

    PharmacyTransfer(
            PharmacyRows rows,
            PharmacyScope scope,
            ChangeRecords records,
            PharmacyViews views,
            PrivacyService privacy,
            ApplicationEventPublisher<PharmacyTransferredEvent> transfers) {
        this.rows = rows;
        this.scope = scope;
        this.records = records;
        this.views = views;
        this.privacy = privacy;
        this.transfers = transfers;
    }

    @Transactional
    PharmacyView transfer(Actor actor, long id, PharmacyRequests.Transfer request) {
        scope.cityOnly(actor, "调动药店的行政区");
        Pharmacy before = scope.lock(actor, id);
        if (before.status() == PharmacyStatus.CLOSED) {
            throw PharmacyNotOpenException.of(PharmacyStatus.CLOSED);
        }
        District to = scope.openDistrict(actor, request.districtCode());
        if (to.code().equals(before.districtCode())) {
            throw PharmacyChangeRefusedException.sameDistrict(to.code());
        }
        rows.updateDistrict(id, to.code(), before.version() + 1);
        Pharmacy after = rows.find(id).orElseThrow();
        transfers.publishEvent(new PharmacyTransferredEvent(id, before.districtCode(), to.code(), actor));
        records.pharmacy(
                actor,
                after,
                PharmacyChangeKind.TRANSFERRED,
                List.of(new FieldChange("districtCode", before.districtCode(), to.code())),
                privacy.redact(request.reason().strip()));
        return views.view(after, null);
    }
}
