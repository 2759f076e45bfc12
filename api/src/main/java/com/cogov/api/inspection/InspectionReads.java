package com.cogov.api.inspection;

import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.paging.TimeWindow;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.inspection.Disposition;
import com.cogov.contracts.inspection.InspectionSummary;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The inspection lists: the inspector's district's, the manager's pharmacy's, and the portal's (the city, or a district,
 * or only the overdue rectifications). Newest first, cursor paged; the filters are parsed here, once for every list.
 */
@Singleton
class InspectionReads {

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");

    private final InspectionQueries queries;
    private final InspectionViews views;
    private final InspectionScope scope;
    private final PharmacyService pharmacies;
    private final CityConfiguration city;

    InspectionReads(
            InspectionQueries queries,
            InspectionViews views,
            InspectionScope scope,
            PharmacyService pharmacies,
            CityConfiguration city) {
        this.queries = queries;
        this.views = views;
        this.scope = scope;
        this.pharmacies = pharmacies;
        this.city = city;
    }

    Page<InspectionSummary> ofDistrict(Actor inspector, InspectionService.ListQuery q) {
        String district = InspectionScope.inspectorDistrict(inspector);
        if (q.pharmacyId() != null) {
            scope.pharmacyOfDistrict(inspector, q.pharmacyId());
        }
        return page(district, q.pharmacyId(), q);
    }

    Page<InspectionSummary> ofPharmacy(Actor manager, InspectionService.ListQuery q) {
        return page(null, InspectionScope.managersPharmacy(manager), q);
    }

    /** The portal's list: a city administrator any district (or all), a district inspector their own. */
    Page<InspectionSummary> forRegulator(Actor regulator, InspectionService.ListQuery q) {
        String confined = InspectionScope.regulatorDistrict(regulator);
        String district = confined;
        if (q.districtCode() != null && !q.districtCode().isBlank()) {
            String asked = q.districtCode().strip();
            if (!DISTRICT.matcher(asked).matches()) {
                throw InspectionInvalidException.parameter("districtCode", "行政区代码为6位数字，如 420106");
            }
            if (pharmacies.district(asked).isEmpty() || (confined != null && !confined.equals(asked))) {
                throw new CogovException(ErrorCode.DISTRICT_NOT_FOUND, "行政区 " + asked + " 不存在或不在您的管理范围内");
            }
            district = asked;
        }
        if (q.pharmacyId() != null) {
            pharmacies
                    .profile(q.pharmacyId())
                    .filter(p -> confined == null || p.districtCode().equals(confined))
                    .orElseThrow(() -> new CogovException(ErrorCode.PHARMACY_NOT_FOUND, "药店不存在或不在您的管理范围内"));
        }
        return page(district, q.pharmacyId(), q);
    }

    private Page<InspectionSummary> page(
            @Nullable String district, @Nullable Long pharmacyId, InspectionService.ListQuery q) {
        TimeWindow window = TimeWindow.optional(q.from(), q.to(), city);
        PageRequest page = PageRequest.of(q.limit(), q.cursor());
        var filter = new InspectionQueries.Filter(
                district,
                pharmacyId,
                window.from(),
                window.to(),
                disposition(q.disposition()),
                overdue(q.overdue()) ? views.today() : null);
        return Pages.of(queries.list(filter, page), page, InspectionQueries.Row::cursor, views::summary);
    }

    private static @Nullable Disposition disposition(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Disposition.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InspectionInvalidException.parameter("disposition", "处置方式为 COMPLIANT、RECTIFY 或 CASE_OPENED");
        }
    }

    private static boolean overdue(@Nullable String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw InspectionInvalidException.parameter("overdue", "overdue 须为 true 或 false");
    }
}
