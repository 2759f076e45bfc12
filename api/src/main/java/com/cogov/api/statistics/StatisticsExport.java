package com.cogov.api.statistics;

import com.cogov.api.export.ExportPlan;
import com.cogov.api.export.ExportSource;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.statistics.StatisticsRow;
import com.cogov.contracts.statistics.StatisticsTable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Any statistics table, exported (kind {@code STATISTICS}): the filter is the statistics route's parameters
 * ({@code groupBy}, {@code from}, {@code to}, {@code districtCode}), checked by the route's own parser, so the export
 * refuses what the route refuses with the same codes. The table holds no personal data; its rows are at most one per
 * pharmacy or day, so it is built once and streamed.
 */
@Singleton
class StatisticsExport implements ExportSource {

    static final List<String> COLUMNS = List.of("分组", "名称", "销售笔数", "最小包装数", "购买人数", "预警笔数", "拦截次数", "作废笔数");

    private final StatisticsService statistics;
    private final StatisticsTables tables;
    private final StatisticsQueries queries;

    StatisticsExport(StatisticsService statistics, StatisticsTables tables, StatisticsQueries queries) {
        this.statistics = statistics;
        this.tables = tables;
        this.queries = queries;
    }

    @Override
    public String kind() {
        return "STATISTICS";
    }

    @Override
    public ExportPlan plan(Actor actor, Map<String, String> filter) {
        StatisticsFilter parsed = statistics.filter(actor, filter);
        String districtName =
                parsed.districtCode() == null ? null : queries.districtNames().get(parsed.districtCode());
        String description = parsed.description(districtName);
        return ExportPlan.of("统计报表", description, COLUMNS, () -> -1, sink -> {
            StatisticsTable table = tables.table(parsed);
            if (sink.acceptAll(table.rows(), StatisticsExport::cells)) {
                sink.accept(cells(table.totals()));
            }
        });
    }

    private static List<Object> cells(StatisticsRow row) {
        return List.of(
                row.key(),
                row.label(),
                row.sales(),
                row.packages(),
                row.distinctBuyers(),
                row.warnings(),
                row.blocks(),
                row.voids());
    }
}
