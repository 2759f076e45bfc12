package com.cogov.api.complaint;

import com.cogov.api.export.ExportPlan;
import com.cogov.api.export.ExportSource;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.complaint.ComplaintStatisticsView;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The complaint statistics, exported (kind {@code COMPLAINT_STATISTICS}; filter {@code from}, {@code to},
 * {@code districtCode} as the statistics route takes them, refused with the same codes). Counts only: no complainant,
 * no reporter, no case text is ever exported (Art. 33).
 */
@Singleton
class ComplaintStatisticsExport implements ExportSource {

    static final List<String> COLUMNS = List.of("类别", "行政区划代码", "状态", "件数");

    private final CaseStatistics statistics;

    ComplaintStatisticsExport(CaseStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public String kind() {
        return "COMPLAINT_STATISTICS";
    }

    @Override
    public ExportPlan plan(Actor actor, Map<String, String> filter) {
        // validated now, counted again when the job runs: the numbers are those of the moment of the export
        ComplaintStatisticsView checked =
                statistics.count(actor, filter.get("from"), filter.get("to"), filter.get("districtCode"));
        String description = filter.get("from") + " 至 " + filter.get("to")
                + (filter.get("districtCode") == null ? "，全市" : "，" + filter.get("districtCode"));
        return new ExportPlan() {
            @Override
            public String title() {
                return "投诉举报统计";
            }

            @Override
            public String filterDescription() {
                return description;
            }

            @Override
            public List<String> columns() {
                return COLUMNS;
            }

            @Override
            public long estimatedRows() {
                return checked.rows().size() + 2L;
            }

            @Override
            public void rows(RowSink sink) {
                ComplaintStatisticsView now =
                        statistics.count(actor, filter.get("from"), filter.get("to"), filter.get("districtCode"));
                for (ComplaintStatisticsView.Row r : now.rows()) {
                    if (!sink.accept(List.of(
                            r.category().name(), r.districtCode(), r.status().name(), r.cases()))) {
                        return;
                    }
                }
                List<Object> total = new ArrayList<>(List.of("合计", "", "", now.cases()));
                if (sink.accept(total)) {
                    sink.accept(List.of(
                            "按期办结率", "", "已办结 " + now.closed() + "，按期 " + now.closedOnTime(), now.onTimeShare()));
                }
            }
        };
    }
}
