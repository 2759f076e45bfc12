package com.cogov.api.alert;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.notify.Notice;
import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.alert.AlertDetailView;
import com.cogov.contracts.alert.AlertStatus;
import com.cogov.contracts.alert.AlertView;
import com.cogov.contracts.alert.TriageRequest;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert worklist (issue 16 §3): what the sale rules flagged (every WARN and BLOCK) and the patterns no single sale
 * shows ({@link AlertDetection}), listed for regulators in their scope, each triaged with a note and its history kept.
 * City administrators see the city, district inspectors their district; an alert elsewhere is "not found".
 */
@Singleton
public class AlertService {

    private final AlertFilters filters;
    private final AlertQueries queries;
    private final AlertViews views;
    private final PrivacyService privacy;
    private final AuditService audit;

    AlertService(
            AlertFilters filters, AlertQueries queries, AlertViews views, PrivacyService privacy, AuditService audit) {
        this.filters = filters;
        this.queries = queries;
        this.views = views;
        this.privacy = privacy;
        this.audit = audit;
    }

    /**
     * The notice that tells a district's inspectors of a new alert (a block, a pattern): keyed by the alert, so it is
     * sent once; nothing personal in it, since a subscribe message leaves our systems.
     */
    public static Notice notice(long alertId, String rule) {
        return new Notice(
                "alert:" + alertId,
                "ALERT",
                "辖区有新的预警",
                "规则" + RuleNames.of(rule) + "产生了一条新预警，请在监管平台核查处理",
                "/alerts/" + alertId);
    }

    /**
     * One page of the worklist, newest first.
     *
     * @param filter the route's filter parameters by name (status, districtCode, rule, from, to, pharmacyId); those
     *               absent may be missing or null
     */
    @ReadOnly
    public Page<AlertView> list(
            Actor actor, Map<String, String> filter, @Nullable Integer limit, @Nullable String cursor) {
        AlertFilter parsed = filters.parse(actor, present(filter));
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.of(queries.list(parsed, page), page, a -> new Cursor(a.createdAt(), a.id()), views::view);
    }

    /**
     * How many alerts of each pharmacy are still to be dealt with (OPEN or REVIEWING); a pharmacy without any is
     * absent. The caller has checked that the pharmacies are in its reader's scope.
     */
    @ReadOnly
    public Map<Long, Integer> openCounts(java.util.Collection<Long> pharmacyIds) {
        return pharmacyIds.isEmpty() ? Map.of() : queries.openCounts(pharmacyIds);
    }

    /** The alert with the sales behind it and its history. */
    @ReadOnly
    public AlertDetailView get(Actor actor, long id) {
        AlertFilters.requireRegulator(actor);
        AlertRow alert = queries.find(id)
                .filter(a -> AlertFilters.inScope(actor, a.districtCode()))
                .orElseThrow(AlertNotFoundException::new);
        List<AlertQueries.SaleRow> sales = queries.sales(id);
        Map<Long, String> items =
                queries.items(sales.stream().map(AlertQueries.SaleRow::id).toList());
        return new AlertDetailView(
                views.view(alert),
                sales.stream().map(s -> views.sale(s, items)).toList(),
                queries.history(id).stream().map(AlertViews::step).toList());
    }

    /**
     * One triage step, kept with who and when, and audited. The alert's row is locked while it is moved, so two people
     * triaging at once are served one after the other: the second finds the first's result (and may be refused).
     */
    @Transactional
    public AlertDetailView triage(Actor actor, long id, TriageRequest request) {
        AlertFilters.requireRegulator(actor);
        queries.find(id)
                .filter(a -> AlertFilters.inScope(actor, a.districtCode()))
                .orElseThrow(AlertNotFoundException::new);
        AlertStatus to = AlertStatus.valueOf(request.status());
        String note = request.note() == null || request.note().isBlank()
                ? null
                : privacy.redact(request.note().strip()); // a note is shown to every regulator: nothing personal in it
        if (note == null && (to == AlertStatus.DISMISSED || to == AlertStatus.CONFIRMED)) {
            throw AlertTriageRefusedException.noteRequired();
        }
        AlertStatus from = queries.lockStatus(id).orElseThrow(AlertNotFoundException::new);
        if (!AlertTransitions.allowed(from, to)) {
            throw AlertTriageRefusedException.transition(from, to);
        }
        queries.move(id, from, to, note, actor.accountId());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", from.name());
        details.put("to", to.name());
        if (note != null) {
            details.put("note", note.length() > 200 ? note.substring(0, 200) : note);
        }
        audit.record(actor, "alert.triage", "alert", String.valueOf(id), AuditOutcome.SUCCESS, details);
        return get(actor, id);
    }

    private static Map<String, String> present(Map<String, String> filter) {
        Map<String, String> present = new LinkedHashMap<>();
        filter.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v);
            }
        });
        return present;
    }
}
