package com.cogov.api.inspection;

import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.inspection.InspectionSummary;
import com.cogov.contracts.inspection.InspectionView;
import com.cogov.contracts.inspection.RectificationState;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Inspections as their readers see them: in full, or as a list's row. */
@Singleton
class InspectionViews {

    static final String OFF_SITE = "OFF_SITE";

    private final InspectionQueries queries;
    private final CityConfiguration city;
    private final Clock clock;

    InspectionViews(InspectionQueries queries, CityConfiguration city, Clock clock) {
        this.queries = queries;
        this.city = city;
        this.clock = clock;
    }

    /** The inspection just written, in full. */
    InspectionView full(long id) {
        return full(queries.find(id).orElseThrow(() -> new InspectionNotFoundException(id)));
    }

    InspectionView full(InspectionQueries.Row row) {
        Map<Long, List<String>> photos = queries.photos(row.id());
        InspectionView.RectificationView rectification = null;
        if (row.rectificationState() != null) {
            List<InspectionView.Submission> submissions = queries.submissions(row.id()).stream()
                    .map(s -> new InspectionView.Submission(
                            s.id(),
                            s.description(),
                            photos.getOrDefault(s.id(), List.of()),
                            s.submittedAt(),
                            s.accepted(),
                            s.reviewNote(),
                            s.reviewedAt()))
                    .toList();
            rectification = new InspectionView.RectificationView(
                    row.rectificationState(), row.dueOn(), overdue(row), submissions);
        }
        return new InspectionView(
                row.id(),
                row.pharmacyId(),
                row.pharmacyName(),
                row.districtCode(),
                row.inspectorName(),
                row.recordedAt(),
                queries.answers(row.id()),
                row.findings(),
                row.disposition(),
                row.rectifyBy(),
                row.caseNumber(),
                new InspectionView.LocationView(
                        row.latitude().doubleValue(),
                        row.longitude().doubleValue(),
                        row.accuracyMeters() == null
                                ? null
                                : row.accuracyMeters().doubleValue()),
                row.distanceMeters(),
                flags(row),
                photos.getOrDefault(0L, List.of()),
                row.supersedes(),
                row.supersededBy(),
                row.acknowledgedAt(),
                rectification);
    }

    InspectionSummary summary(InspectionQueries.Row row) {
        return new InspectionSummary(
                row.id(),
                row.pharmacyId(),
                row.pharmacyName(),
                row.districtCode(),
                row.recordedAt(),
                row.disposition(),
                row.rectifyBy(),
                row.rectificationState(),
                overdue(row),
                flags(row),
                row.supersededBy(),
                row.acknowledgedAt() != null);
    }

    LocalDate today() {
        return city.today(clock);
    }

    /** Overdue as the reader sees it now, even before the scheduled mark has run. */
    private boolean overdue(InspectionQueries.Row row) {
        RectificationState state = row.rectificationState();
        return state == RectificationState.OVERDUE
                || (state == RectificationState.OPEN
                        && row.dueOn() != null
                        && row.dueOn().isBefore(today()));
    }

    private static List<String> flags(InspectionQueries.Row row) {
        return row.offSite() ? List.of(OFF_SITE) : List.of();
    }
}
