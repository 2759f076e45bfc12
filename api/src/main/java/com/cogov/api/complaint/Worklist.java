package com.cogov.api.complaint;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.paging.TimeWindow;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.complaint.ComplaintCategory;
import com.cogov.contracts.complaint.ComplaintKind;
import com.cogov.contracts.complaint.ComplaintStatus;
import com.cogov.contracts.complaint.ComplaintSummaryView;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.paging.Page;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The handlers' worklist, newest first: an inspector's district, or the city (any district, or one). Filters are read
 * here from text, so that a malformed one is a 400 with its name; the SQL is built from fixed fragments with bound
 * values, keyset-paged on (received_at, id) behind the district or time index.
 */
@Singleton
class Worklist {

    private static final Set<String> DUE = Set.of("DUE_SOON", "OVERDUE");

    private final JdbcOperations jdbc;
    private final CityConfiguration city;
    private final Targets targets;

    Worklist(JdbcOperations jdbc, CityConfiguration city, Targets targets) {
        this.jdbc = jdbc;
        this.city = city;
        this.targets = targets;
    }

    @ReadOnly
    Page<ComplaintSummaryView> list(Actor handler, Map<String, String> filter, PageRequest page) {
        Handlers.require(handler);
        StringBuilder sql = new StringBuilder("SELECT " + ComplaintStore.COLUMNS + " FROM complaint WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        String district = filter.get("districtCode");
        if (handler.role() == Role.DISTRICT_INSPECTOR) {
            if (district != null && !district.equals(handler.districtCode())) {
                throw new CogovException(ErrorCode.DISTRICT_NOT_FOUND, "未找到该行政区，或不在您的辖区");
            }
            district = handler.districtCode();
        } else if (district != null) {
            if (!district.matches("\\d{6}")) {
                throw invalid("districtCode 须为6位行政区划代码");
            }
            targets.requireDistrict(district);
        }
        if (district != null) {
            sql.append(" AND district_code = ?");
            values.add(district);
        }
        String status = filter.get("status");
        if (status != null) {
            sql.append(" AND status = ?");
            values.add(parse(ComplaintStatus.class, status, "status").name());
        }
        String kind = filter.get("kind");
        if (kind != null) {
            ComplaintKind k = parse(ComplaintKind.class, kind, "kind");
            if (k == ComplaintKind.BOTH) {
                throw invalid("kind 须为 COMPLAINT 或 REPORT");
            }
            sql.append(" AND kind = ?");
            values.add(k.name());
        }
        String category = filter.get("category");
        if (category != null) {
            sql.append(" AND category = ?");
            values.add(parse(ComplaintCategory.class, category, "category").name());
        }
        String due = filter.get("due");
        if (due != null) {
            if (!DUE.contains(due)) {
                throw invalid("due 须为 DUE_SOON 或 OVERDUE");
            }
            sql.append(" AND due_flag = ?");
            values.add(due);
        }
        TimeWindow window = TimeWindow.optional(filter.get("from"), filter.get("to"), city);
        if (window.from() != null) {
            sql.append(" AND received_at >= ?");
            values.add(Timestamp.from(window.from()));
        }
        if (window.to() != null) {
            sql.append(" AND received_at < ?");
            values.add(Timestamp.from(window.to()));
        }
        String q = filter.get("q");
        if (q != null && !q.isBlank()) {
            // a tracking number exactly, or words of the target's name
            sql.append(" AND (tracking_number = ? OR target_name LIKE ?)");
            values.add(q.strip().toUpperCase(java.util.Locale.ROOT));
            values.add("%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Cursor after = page.after();
        if (after != null) {
            sql.append(" AND (received_at < ? OR (received_at = ? AND id < ?))");
            values.add(Timestamp.from(after.at()));
            values.add(Timestamp.from(after.at()));
            values.add(after.id());
        }
        sql.append(" ORDER BY received_at DESC, id DESC LIMIT ?");
        values.add(page.fetchSize());
        List<CaseRow> rows = jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            return ComplaintStore.read(ps);
        });
        return Pages.of(rows, page, c -> new Cursor(c.receivedAt(), c.id()), Worklist::summary);
    }

    static ComplaintSummaryView summary(CaseRow c) {
        return new ComplaintSummaryView(
                c.id(),
                c.trackingNumber(),
                ComplaintKind.valueOf(c.kind()),
                ComplaintCategory.valueOf(c.category()),
                ComplaintStatus.valueOf(c.status()),
                c.districtCode(),
                c.targetName(),
                c.receivedAt(),
                c.dueDate(),
                c.dueFlag(),
                c.lateFiling());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(name + " 的取值无效：" + value);
        }
    }

    private static CogovException invalid(String detail) {
        return new CogovException(ErrorCode.COMPLAINT_QUERY_INVALID, detail);
    }
}
