package com.cogov.api.registration;

import com.cogov.api.export.ExportPlan;
import com.cogov.api.export.ExportSource;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.registration.RegistrationRecord;
import com.cogov.contracts.registration.RegistrationResult;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The registration reports (上报登记) as an export: the rows of {@code GET /portal/v1/registrations} for the same
 * filter, checked by the same parser and scope, masked as the list shows them, read in keyset pages.
 */
@Singleton
class RegistrationsExport implements ExportSource {

    /** Rows per keyset page while exporting: one statement per page, the page's views built together. */
    static final int PAGE = 500;

    private static final List<String> COLUMNS =
            List.of("登记编号", "销售时间", "药店编号", "药店名称", "行政区", "店员编号", "证件类型", "证件号码", "姓名", "年龄", "性别", "药品", "预警", "状态");

    private final RecordDesk desk;
    private final CityConfiguration city;

    RegistrationsExport(RecordDesk desk, CityConfiguration city) {
        this.desk = desk;
        this.city = city;
    }

    @Override
    public String kind() {
        return "REGISTRATIONS";
    }

    @Override
    public ExportPlan plan(Actor actor, Map<String, String> filter) {
        RecordDesk.Checked checked = desk.check(actor, filter);
        String description = checked.filter().describe(city);
        return ExportPlan.of(
                "上报登记",
                description,
                COLUMNS,
                () -> desk.estimateSales(checked.criteria()),
                sink -> desk.eachSalesPage(checked.criteria(), PAGE, page -> sink.acceptAll(page, this::row)));
    }

    private List<?> row(RegistrationRecord r) {
        return Arrays.asList(
                r.number(),
                r.soldAt().atZone(city.zone()).toLocalDateTime(),
                r.pharmacyId(),
                r.pharmacyName(),
                r.districtName(),
                r.clerkId(),
                r.buyer().documentType().name(),
                r.buyer().number(),
                r.buyer().name(),
                r.buyer().age(),
                r.buyer().sex() == null ? null : r.buyer().sex().name(),
                r.itemsSummary(),
                r.warnings().stream().map(RegistrationResult.Warning::code).collect(Collectors.joining(",")),
                r.status().name());
    }
}
