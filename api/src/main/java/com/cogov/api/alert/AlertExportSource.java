package com.cogov.api.alert;

import com.cogov.api.export.ExportPlan;
import com.cogov.api.export.ExportSource;
import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.alert.AlertView;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The worklist as an export (kind ALERTS): the filter read exactly as the list route reads it ({@link AlertFilters}),
 * the rows masked as the list shows them, read in keyset pages of the list's own query so memory stays flat.
 */
@Singleton
class AlertExportSource implements ExportSource {

    private static final int PAGE = 500;
    private static final List<String> COLUMNS = List.of(
            "预警编号", "规则", "级别", "状态", "行政区", "药店编号", "药店", "类别", "说明", "证件类型", "证件号码", "姓名", "登记编号", "次数", "产生时间",
            "更新时间");

    private final AlertFilters filters;
    private final AlertQueries queries;
    private final AlertViews views;

    AlertExportSource(AlertFilters filters, AlertQueries queries, AlertViews views) {
        this.filters = filters;
        this.queries = queries;
        this.views = views;
    }

    @Override
    public String kind() {
        return "ALERTS";
    }

    @Override
    public ExportPlan plan(Actor actor, Map<String, String> filter) {
        AlertFilter parsed = filters.parse(actor, filter);
        return ExportPlan.of("预警工作台", parsed.describe(), COLUMNS, () -> -1, sink -> stream(parsed, sink));
    }

    /** Each page is read in its own read-only transaction ({@link AlertQueries#list}): none is held for the file. */
    void stream(AlertFilter filter, ExportPlan.RowSink sink) {
        Cursor after = null;
        while (true) {
            PageRequest page = new PageRequest(PAGE, after);
            List<AlertRow> rows = queries.list(filter, page);
            if (!sink.acceptAll(rows.subList(0, Math.min(PAGE, rows.size())), r -> row(views.view(r)))) {
                return;
            }
            if (rows.size() <= PAGE) {
                return;
            }
            AlertRow last = rows.get(PAGE - 1);
            after = new Cursor(last.createdAt(), last.id());
        }
    }

    private static List<?> row(AlertView a) {
        AlertView.Buyer b = a.buyer();
        return Arrays.asList(
                a.id(),
                a.rule(),
                a.severity(),
                a.status().name(),
                a.districtCode(),
                a.pharmacyId(),
                a.pharmacyName(),
                a.category(),
                a.detail(),
                b == null ? null : b.documentType(),
                b == null ? null : b.number(),
                b == null ? null : b.name(),
                a.registrationNumber(),
                a.occurrences(),
                a.createdAt(),
                a.updatedAt());
    }
}
