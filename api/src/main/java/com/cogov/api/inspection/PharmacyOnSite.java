package com.cogov.api.inspection;

import com.cogov.api.account.AccountService;
import com.cogov.api.alert.AlertService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.pharmacy.PharmacyProfile;
import com.cogov.api.registration.RegistrationService;
import com.cogov.api.shared.Actor;
import com.cogov.api.statistics.StatisticsService;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.alert.AlertView;
import com.cogov.contracts.inspection.InspectorPharmacyDetail;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.RegistrationRecord;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the inspector reads about a pharmacy of their district on site: its facts, staff, sales counts (from the
 * statistics rollup), open alerts, last inspections; and its records, read by the regulator's record query itself
 * (RegistrationService.records, as {@code GET /portal/v1/registrations?pharmacyId=} reads them), so that masking,
 * scope and paging are the portal's exactly.
 */
@Singleton
class PharmacyOnSite {

    private static final Duration DEFAULT_RECORDS_WINDOW = Duration.ofDays(7);

    private final InspectionScope scope;
    private final AccountService accounts;
    private final StatisticsService statistics;
    private final AlertService alerts;
    private final RegistrationService registrations;
    private final InspectionQueries queries;
    private final InspectionViews views;
    private final InspectionConfiguration config;
    private final Clock clock;

    PharmacyOnSite(
            InspectionScope scope,
            AccountService accounts,
            StatisticsService statistics,
            AlertService alerts,
            RegistrationService registrations,
            InspectionQueries queries,
            InspectionViews views,
            InspectionConfiguration config,
            Clock clock) {
        this.scope = scope;
        this.accounts = accounts;
        this.statistics = statistics;
        this.alerts = alerts;
        this.registrations = registrations;
        this.queries = queries;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    InspectorPharmacyDetail detail(Actor inspector, long pharmacyId) {
        PharmacyProfile p = scope.pharmacyOfDistrict(inspector, pharmacyId);
        LocalDate today = views.today();
        List<AlertView> open = new ArrayList<>();
        for (String status : List.of("OPEN", "REVIEWING")) {
            open.addAll(alerts.list(inspector, Map.of("pharmacyId", String.valueOf(p.id()), "status", status), 20, null)
                    .items());
        }
        var last = queries
                .list(
                        new InspectionQueries.Filter(null, p.id(), null, null, null, null),
                        new PageRequest(config.lastInspections(), null))
                .stream()
                .limit(config.lastInspections())
                .map(views::summary)
                .toList();
        return new InspectorPharmacyDetail(
                p.id(),
                p.name(),
                p.licenseNumber(),
                p.creditCode(),
                p.districtCode(),
                p.address(),
                p.openingHours(),
                p.phone(),
                p.latitude(),
                p.longitude(),
                p.status(),
                accounts.staffOf(p.id()).stream().map(PharmacyOnSite::staff).toList(),
                statistics.pharmacySales(p.id(), today, today),
                statistics.pharmacySales(p.id(), today.minusDays(6), today),
                open,
                last);
    }

    /** The pharmacy's records, masked, newest first; by default the last 7 days. */
    Page<RegistrationRecord> records(
            Actor inspector,
            long pharmacyId,
            @Nullable String from,
            @Nullable String to,
            @Nullable String cursor,
            @Nullable Integer limit) {
        scope.pharmacyOfDistrict(inspector, pharmacyId);
        Map<String, String> filter = new HashMap<>();
        filter.put("pharmacyId", String.valueOf(pharmacyId));
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        filter.put("to", noTo ? clock.instant().toString() : to);
        if (noFrom) {
            // seven days before the window's end, or before now when the end itself is the caller's (and malformed:
            // the record filter then says so about "to")
            filter.put(
                    "from", noTo ? clock.instant().minus(DEFAULT_RECORDS_WINDOW).toString() : fromBefore(to));
        } else {
            filter.put("from", from);
        }
        return registrations.records(inspector, filter, PageRequest.of(limit, cursor));
    }

    private String fromBefore(String to) {
        try {
            return java.time.OffsetDateTime.parse(to.strip())
                    .toInstant()
                    .minus(DEFAULT_RECORDS_WINDOW)
                    .toString();
        } catch (java.time.DateTimeException e) {
            try {
                return LocalDate.parse(to.strip()).minusDays(7).toString();
            } catch (java.time.DateTimeException again) {
                return clock.instant().minus(DEFAULT_RECORDS_WINDOW).toString();
            }
        }
    }

    /** The surname and the role: how staff are addressed at the counter, not their full name. */
    private static InspectorPharmacyDetail.Staff staff(AccountView a) {
        String title = a.role() == Role.PHARMACY_MANAGER ? "店长" : "店员";
        String name = a.displayName() == null ? "" : a.displayName().strip();
        String address = name.endsWith(title) ? name : (name.isEmpty() ? "" : name.substring(0, 1)) + title;
        return new InspectorPharmacyDetail.Staff(
                a.id(), a.role().name(), address, a.phone(), a.status() == AccountView.Status.ACTIVE);
    }
}
