package com.cogov.api.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cogov.api.export.ExportPlan;
import com.cogov.api.export.ExportSource;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.registration.RegistrationRecord;
import com.cogov.infra.dev.DemoRegistrations;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The registration feature's two export sources, called as the export piece calls them: planned with the query
 * routes' own filter parsing and scope (the same refusals), rows masked, read in keyset pages, stopping when the sink
 * says so. Over the demo sales (DemoRegistrations), which carry real sealed buyers.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordExportTest implements DevServicesTest {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Actor ADMIN = new Actor(1L, Role.CITY_ADMIN, null, "420100", null, null, null);
    static final Actor INSPECTOR = new Actor(2L, Role.DISTRICT_INSPECTOR, null, "420106", null, null, null);

    @Inject
    List<ExportSource> sources;

    @Inject
    RegistrationService registrations;

    @Inject
    RecordDesk desk;

    @Test
    void theSalesExportGivesTheListsRowsMaskedAndStopsWhenAsked() {
        Map<String, String> filter = window();
        filter.put("warning", "any");
        ExportPlan plan = source("REGISTRATIONS").plan(ADMIN, filter);
        assertThat(plan.title()).isEqualTo("上报登记");
        assertThat(plan.filterDescription()).contains("预警：ANY");
        assertThat(plan.estimatedRows()).isGreaterThanOrEqualTo(0);
        List<List<?>> rows = new ArrayList<>();
        plan.rows(rows::add);
        List<RegistrationRecord> listed =
                registrations.records(ADMIN, filter, PageRequest.of(200, null)).items();
        assertThat(rows).hasSize(listed.size()).isNotEmpty();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row).hasSize(plan.columns().size());
            assertThat((String) row.get(7)).as("document number").contains("*");
            assertThat((String) row.get(8)).as("name").contains("*");
        });
        assertThat(rows.stream().map(row -> (String) row.get(0)).toList())
                .containsExactlyElementsOf(
                        listed.stream().map(RegistrationRecord::number).toList());

        List<List<?>> three = new ArrayList<>();
        plan.rows(row -> {
            three.add(row);
            return three.size() < 3;
        });
        assertThat(three).hasSize(3);
    }

    @Test
    void theItemsExportFiltersAsTheItemListAndReadsInKeysetPages() {
        Map<String, String> filter = window();
        filter.put("documentNumber", DemoRegistrations.EXAMPLE_BUYER);
        filter.put("reason", "export test");
        ExportPlan plan = source("REGISTRATION_ITEMS").plan(INSPECTOR, filter);
        assertThat(plan.title()).isEqualTo("购药明细");
        assertThat(plan.filterDescription()).doesNotContain(DemoRegistrations.EXAMPLE_BUYER);
        List<List<?>> rows = new ArrayList<>();
        plan.rows(rows::add);
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get(4)).isEqualTo("420106"));

        // The same sales read two at a time: every page after the first continues where the last ended.
        RecordCriteria criteria = desk.check(INSPECTOR, filter).criteria();
        List<String> paged = new ArrayList<>();
        int[] pages = {0};
        desk.eachItemsPage(criteria, 2, page -> {
            pages[0]++;
            page.forEach(i -> paged.add(i.number()));
            return true;
        });
        assertThat(pages[0]).isGreaterThan(1);
        assertThat(paged)
                .containsExactlyElementsOf(
                        rows.stream().map(r -> (String) r.get(0)).toList());
    }

    @Test
    void aBadFilterIsRefusedAsTheQueryRefusesIt() {
        ExportSource sales = source("REGISTRATIONS");
        assertThat(refusal(() -> sales.plan(ADMIN, Map.of("from", "2026-01-01"))))
                .isEqualTo("TIME_SPAN_INVALID");
        Map<String, String> typo = window();
        typo.put("districtcode", "420106");
        assertThat(refusal(() -> sales.plan(ADMIN, typo))).isEqualTo("QUERY_PARAMETER_INVALID");
        Map<String, String> noReason = window();
        noReason.put("documentNumber", DemoRegistrations.EXAMPLE_BUYER);
        assertThat(refusal(() -> sales.plan(ADMIN, noReason))).isEqualTo("REASON_REQUIRED");
        Map<String, String> elsewhere = window();
        elsewhere.put("districtCode", "420103");
        assertThat(refusal(() -> source("REGISTRATION_ITEMS").plan(INSPECTOR, elsewhere)))
                .isEqualTo("DISTRICT_NOT_FOUND");
        Actor clerk = new Actor(3L, Role.PHARMACY_CLERK, 1L, "420106", null, null, null);
        assertThat(catchThrowableOfType(AccessDeniedException.class, () -> sales.plan(clerk, window())))
                .isNotNull();
    }

    private ExportSource source(String kind) {
        return sources.stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static Map<String, String> window() {
        Map<String, String> filter = new HashMap<>();
        filter.put("from", LocalDate.now(CHINA).minusDays(28).toString());
        filter.put("to", LocalDate.now(CHINA).plusDays(1).toString());
        return filter;
    }

    private static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        CogovException e = catchThrowableOfType(CogovException.class, call);
        assertThat(e).isNotNull();
        return e.code().name();
    }
}
