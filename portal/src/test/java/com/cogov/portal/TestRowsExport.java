package com.cogov.portal;

import com.cogov.api.export.ExportPlan;
import com.cogov.api.export.ExportSource;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.error.ErrorCode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An export kind for the tests ({@code TEST_ROWS}): {@code rows} synthetic rows, masked as a real source masks them,
 * with a formula-like text in every tenth row. The filter is checked as a query route checks its parameters: a
 * {@code rows} that is not a whole number from 0 to 1,000,000 is a 400, and a {@code districtCode} outside a district
 * user's own is a 404, before any job exists.
 */
@Singleton
@Requires(env = Environment.TEST)
class TestRowsExport implements ExportSource {

    static final String KIND = "TEST_ROWS";
    static final List<String> COLUMNS = List.of("序号", "药店", "备注", "时间", "证件号码");
    private static final Instant AT = Instant.parse("2026-12-03T02:00:00Z");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ExportPlan plan(Actor actor, Map<String, String> filter) {
        if (actor.role() != Role.CITY_ADMIN && actor.role() != Role.DISTRICT_INSPECTOR) {
            throw new AccessDeniedException("仅监管人员可导出");
        }
        long rows;
        try {
            rows = Long.parseLong(filter.getOrDefault("rows", "10"));
        } catch (NumberFormatException e) {
            throw new CogovException(ErrorCode.QUERY_PARAMETER_INVALID, "rows 须为整数");
        }
        if (rows < 0 || rows > 1_000_000) {
            throw new CogovException(ErrorCode.QUERY_PARAMETER_INVALID, "rows 须在0到1000000之间");
        }
        String district = filter.get("districtCode");
        if (district != null && actor.role() == Role.DISTRICT_INSPECTOR && !district.equals(actor.districtCode())) {
            throw new CogovException(ErrorCode.DISTRICT_NOT_FOUND, ErrorCode.DISTRICT_NOT_FOUND.title());
        }
        return new Plan(rows, district == null ? "全部" : district);
    }

    private record Plan(long count, String district) implements ExportPlan {

        @Override
        public String title() {
            return "测试行";
        }

        @Override
        public String filterDescription() {
            return "共" + count + "行，行政区：" + district;
        }

        @Override
        public List<String> columns() {
            return COLUMNS;
        }

        @Override
        public long estimatedRows() {
            return count;
        }

        @Override
        public void rows(RowSink sink) {
            for (long i = 1; i <= count; i++) {
                String note = i % 10 == 0 ? "=HYPERLINK(\"http://evil\",\"点我\")" : "备注" + i;
                if (!sink.accept(Arrays.asList(i, "测试药店" + (i % 97), note, AT.plusSeconds(i), "4201**********123X"))) {
                    return;
                }
            }
        }
    }
}
