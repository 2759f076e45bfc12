package com.cogov.api.pharmacy;

import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CreditCode;
import com.cogov.api.shared.WriteOutcome;
import com.cogov.contracts.pharmacy.PharmacyChangeKind;
import com.cogov.contracts.pharmacy.PharmacyChangeView.FieldChange;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 药店导入's write: one row upserted by its licence number (the pharmacy's natural key), inside the caller's
 * transaction (an import writes a chunk of rows in one). A new licence is 药店新增; a known one is 地址更改 and the
 * other details kept in place, with the same history, outbox row, audit entry and event as the lifecycle's own use
 * cases, and no new version when nothing differs. What a form would refuse with an exception is answered as a refused
 * row instead, checked before anything is written, so the chunk's other rows stand.
 *
 * <p>An import does not move a pharmacy to another district (区域调动 needs a reason and is the city's) nor change its
 * credit code: a row that would is refused, and says where to do it.
 */
@Singleton
class PharmacyUpsertByLicense {

    private final PharmacyRows rows;
    private final PharmacyScope scope;
    private final DistrictRepository districts;
    private final ChangeRecords records;

    PharmacyUpsertByLicense(
            PharmacyRows rows, PharmacyScope scope, DistrictRepository districts, ChangeRecords records) {
        this.rows = rows;
        this.scope = scope;
        this.districts = districts;
        this.records = records;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    PharmacyUpsert upsert(Actor actor, PharmacyRequests.Create row) {
        String confined = scope.confinedTo(actor);
        String license = row.licenseNumber().strip();
        String creditCode = row.creditCode().strip().toUpperCase(Locale.ROOT);
        if (!CreditCode.valid(creditCode)) {
            return PharmacyUpsert.refused("creditCode", "统一社会信用代码 " + creditCode + " 无效（校验位不符，GB 32100-2015）");
        }
        Optional<District> district = districts.findById(row.districtCode()).filter(District::isDistrict);
        if (district.isEmpty() || confined != null && !confined.equals(row.districtCode())) {
            return PharmacyUpsert.refused(
                    "districtCode",
                    confined == null
                            ? "行政区划代码 " + row.districtCode() + " 不是本市的区"
                            : "行政区划代码 " + row.districtCode() + " 不在您的辖区，只能导入本区的药店");
        }
        Optional<Pharmacy> existing = rows.lockByLicense(license);
        if (existing.isEmpty()) {
            if (district.get().retired()) {
                return PharmacyUpsert.refused("districtCode", "行政区 " + row.districtCode() + " 已撤销，请填写现行的行政区");
            }
            long id = rows.insert(
                    license,
                    creditCode,
                    row.name().strip(),
                    row.districtCode(),
                    row.address().strip(),
                    row.latitude(),
                    row.longitude(),
                    PharmacyRegistry.blankToNull(row.openingHours()),
                    PharmacyRegistry.blankToNull(row.phone()));
            Pharmacy created = rows.find(id).orElseThrow();
            records.pharmacy(actor, created, PharmacyChangeKind.CREATED, PharmacyRegistry.fields(created), null);
            return PharmacyUpsert.written(WriteOutcome.INSERTED);
        }
        Pharmacy before = existing.get();
        if (confined != null && !confined.equals(before.districtCode())) {
            return PharmacyUpsert.refused("licenseNumber", "许可证编号 " + license + " 已登记在其他区的药店，请核对许可证");
        }
        if (!before.districtCode().equals(row.districtCode())) {
            return PharmacyUpsert.refused(
                    "districtCode", "药店已登记在行政区 " + before.districtCode() + "；区域调动请在药店详情中办理，不能通过导入更改");
        }
        if (!before.creditCode().equals(creditCode)) {
            return PharmacyUpsert.refused("creditCode", "与已登记的统一社会信用代码 " + before.creditCode() + " 不一致，请核对");
        }
        PharmacyRequests.Edit edit = new PharmacyRequests.Edit(
                row.name(),
                row.address(),
                row.latitude(),
                row.longitude(),
                blank(row.openingHours()),
                blank(row.phone()));
        Pharmacy after = PharmacyEditing.applied(before, edit);
        List<FieldChange> changes = PharmacyEditing.changes(before, after);
        if (changes.isEmpty()) {
            return PharmacyUpsert.written(WriteOutcome.UNCHANGED);
        }
        if (before.status() == PharmacyStatus.CLOSED) {
            return PharmacyUpsert.refused("status", "药店已关闭，资料不能再修改");
        }
        rows.updateDetails(after);
        records.pharmacy(actor, rows.find(before.id()).orElseThrow(), PharmacyChangeKind.EDITED, changes, null);
        return PharmacyUpsert.written(WriteOutcome.UPDATED);
    }

    /** An import's empty cell clears the value, as an edit's empty text does. */
    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
