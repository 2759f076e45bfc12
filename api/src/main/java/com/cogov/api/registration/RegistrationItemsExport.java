package com.cogov.api.registration;

import com.cogov.api.export.ExportPlan;
import com.cogov.api.export.ExportSource;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.registration.RegistrationItemRecord;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The purchase details (购药明细) as an export: the rows of {@code GET /portal/v1/registration-items} for the same
 * filter, checked by the same parser and scope, read in keyset pages on the item-side indexes.
 */
@Singleton
class RegistrationItemsExport implements ExportSource {

    private static final List<String> COLUMNS = List.of(
            "登记编号", "销售时间", "药店编号", "药店名称", "行政区代码", "药品编号", "药品名称", "条码", "类别", "数量", "批号", "追溯码", "处方编号", "状态");

    private final RecordDesk desk;
    private final CityConfiguration city;

    RegistrationItemsExport(RecordDesk desk, CityConfiguration city) {
        this.desk = desk;
        this.city = city;
    }

    @Override
    public String kind() {
        return "REGISTRATION_ITEMS";
    }

    @Override
    public ExportPlan plan(Actor actor, Map<String, String> filter) {
        RecordDesk.Checked checked = desk.check(actor, filter);
        String description = checked.filter().describe(city);
        return ExportPlan.of(
                "购药明细",
                description,
                COLUMNS,
                () -> desk.estimateItems(checked.criteria()),
                sink -> desk.eachItemsPage(
                        checked.criteria(), RegistrationsExport.PAGE, page -> sink.acceptAll(page, this::row)));
    }

    private List<?> row(RegistrationItemRecord i) {
        return Arrays.asList(
                i.number(),
                i.soldAt().atZone(city.zone()).toLocalDateTime(),
                i.pharmacyId(),
                i.pharmacyName(),
                i.districtCode(),
                i.drugId(),
                i.drugName(),
                i.barcode(),
                i.specialCategory(),
                i.quantity(),
                i.batchNumber(),
                String.join(" ", i.traceCodes()),
                i.prescriptionNumber(),
                i.status().name());
    }
}
