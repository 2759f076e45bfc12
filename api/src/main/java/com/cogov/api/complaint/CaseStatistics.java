package com.cogov.api.complaint;

import com.cogov.api.paging.TimeWindow;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.complaint.ComplaintCategory;
import com.cogov.contracts.complaint.ComplaintStatisticsView;
import com.cogov.contracts.complaint.ComplaintStatus;
import com.cogov.contracts.error.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases by category, district and status over a window of receipt, and the share closed within their legal deadline
 * (a case's {@code closed_on_time}, set when it is closed or rejected). Read straight from {@code complaint}: a city
 * receives thousands of cases a year, not millions, and the window is bounded (366 days) on the receipt index.
 */
@Singleton
class CaseStatistics {

    private final JdbcOperations jdbc;
    private final CityConfiguration city;
    private final Targets targets;

    CaseStatistics(JdbcOperations jdbc, CityConfiguration city, Targets targets) {
        this.jdbc = jdbc;
        this.city = city;
        this.targets = targets;
    }

    @ReadOnly
    ComplaintStatisticsView count(
            Actor handler, @Nullable String from, @Nullable String to, @Nullable String district) {
        Handlers.require(handler);
        TimeWindow window = TimeWindow.required(from, to, city);
        String scope = district;
        if (handler.role() == Role.DISTRICT_INSPECTOR) {
            if (district != null && !district.equals(handler.districtCode())) {
                throw new CogovException(ErrorCode.DISTRICT_NOT_FOUND, "未找到该行政区，或不在您的辖区");
            }
            scope = handler.districtCode();
        } else if (district != null) {
            if (!district.matches("\\d{6}")) {
                throw new CogovException(ErrorCode.COMPLAINT_QUERY_INVALID, "districtCode 须为6位行政区划代码");
            }
            targets.requireDistrict(district);
        }
        String districtFilter = scope == null ? "" : " AND district_code = ?";
        String only = scope;
        return jdbc.prepareStatement(
                "SELECT category, district_code, status, COUNT(*), SUM(closed_on_time IS NOT NULL),"
                        + " SUM(COALESCE(closed_on_time, FALSE)) FROM complaint WHERE received_at >= ? AND received_at < ?"
                        + districtFilter + " GROUP BY category, district_code, status"
                        + " ORDER BY district_code, category, status",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(window.from()));
                    ps.setTimestamp(2, Timestamp.from(window.to()));
                    if (only != null) {
                        ps.setString(3, only);
                    }
                    List<ComplaintStatisticsView.Row> rows = new ArrayList<>();
                    long cases = 0;
                    long closed = 0;
                    long onTime = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new ComplaintStatisticsView.Row(
                                    ComplaintCategory.valueOf(rs.getString(1)),
                                    rs.getString(2),
                                    ComplaintStatus.valueOf(rs.getString(3)),
                                    rs.getLong(4)));
                            cases += rs.getLong(4);
                            closed += rs.getLong(5);
                            onTime += rs.getLong(6);
                        }
                    }
                    return new ComplaintStatisticsView(
                            rows, cases, closed, onTime, closed == 0 ? 1.0 : (double) onTime / closed);
                });
    }
}
