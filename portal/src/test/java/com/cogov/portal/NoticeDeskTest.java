package com.cogov.portal;

import static com.cogov.portal.NoticeFixtures.DESK;
import static com.cogov.portal.NoticeFixtures.PUBLISHED;
import static com.cogov.portal.NoticeFixtures.notice;
import static com.cogov.portal.NoticeFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.api.notice.NoticeService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.notice.NoticeReaderView;
import com.cogov.contracts.notice.NoticeStatus;
import com.cogov.contracts.notice.NoticeView;
import com.cogov.contracts.notice.PublishedNoticeView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The notices desk and the public's reading of it (docs/notices.md): the approval flow with its four-eyes rule, scope
 * between districts, the sanitised body as served, audience filtering, pinned-first order across pages, scheduled
 * publishing, and required reading counted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeDeskTest implements PortalTest {

    static final Argument<Page<NoticeReaderView>> READERS = new GenericArgument<>() {};

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    NoticeService notices;

    PortalSessions portal;
    String admin;
    String inspector;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PortalTest.super.getProperties());
        properties.put("cogov.notice.announce.interval", "1s");
        return properties;
    }

    @BeforeAll
    void signIn() {
        portal = new PortalSessions(client);
        admin = portal.admin(devServices());
        inspector = portal.login("inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
    }

    @Test
    void aDistrictsNoticeIsSubmittedApprovedByTheCityPublishedAndWithdrawn() {
        Map<String, Object> body = notice("PUBLIC", null);
        NoticeView draft = portal.call(HttpRequest.POST("/portal/v1/notices", body), inspector, NoticeView.class);
        assertThat(draft.status()).isEqualTo(NoticeStatus.DRAFT);
        assertThat(draft.districtCode())
                .as("a district user's notice is their district's")
                .isEqualTo("420106");
        String id = String.valueOf(draft.id());

        assertThat(portal.call(
                                HttpRequest.POST("/portal/v1/notices/" + id + "/submit", ""),
                                inspector,
                                NoticeView.class)
                        .status())
                .isEqualTo(NoticeStatus.SUBMITTED);
        portal.refused(
                HttpRequest.POST("/portal/v1/notices/" + id + "/submit", "").bearerAuth(inspector), 409);
        assertThat(portal.refused(
                                HttpRequest.POST("/portal/v1/notices/" + id + "/approve", "")
                                        .bearerAuth(inspector),
                                403)
                        .code())
                .as("only the city approves")
                .isEqualTo("FORBIDDEN");
        portal.refused(
                HttpRequest.PATCH("/portal/v1/notices/" + id, Map.of("title", "提交后改标题"))
                        .bearerAuth(inspector),
                409);

        NoticeView approved =
                portal.call(HttpRequest.POST("/portal/v1/notices/" + id + "/approve", ""), admin, NoticeView.class);
        assertThat(approved.status()).isEqualTo(NoticeStatus.PUBLISHED);
        assertThat(approved.publishedAt()).isNotNull();
        assertThat(approved.approverAccountId()).isNotEqualTo(approved.authorAccountId());
        PublishedNoticeView onTheWeb = client.toBlocking()
                .retrieve(HttpRequest.GET("/portal/v1/public/notices/" + id), PublishedNoticeView.class);
        assertThat(onTheWeb.title()).isEqualTo(body.get("title"));
        assertThat(onTheWeb.body()).isEqualTo("<p>各药店：请于本周内完成自查。</p>");

        assertThat(portal.call(
                                HttpRequest.POST("/portal/v1/notices/" + id + "/withdraw", ""),
                                inspector,
                                NoticeView.class)
                        .status())
                .isEqualTo(NoticeStatus.WITHDRAWN);
        portal.refused(HttpRequest.GET("/portal/v1/public/notices/" + id), 404);
        portal.refused(
                HttpRequest.POST("/portal/v1/notices/" + id + "/approve", "").bearerAuth(admin), 409);
        // withdrawn: edited and submitted again
        assertThat(portal.call(
                                HttpRequest.PATCH("/portal/v1/notices/" + id, Map.of("title", "更正后的通知")),
                                inspector,
                                NoticeView.class)
                        .title())
                .isEqualTo("更正后的通知");
        portal.call(HttpRequest.POST("/portal/v1/notices/" + id + "/submit", ""), inspector, NoticeView.class);
        assertThat(portal.call(HttpRequest.GET("/portal/v1/notices?status=SUBMITTED&limit=200"), inspector, DESK)
                        .items())
                .anySatisfy(n -> assertThat(n.id()).isEqualTo(draft.id()));
    }

    @Test
    void theAuthorCannotApproveTheirOwnNotice() {
        NoticeView draft =
                portal.call(HttpRequest.POST("/portal/v1/notices", notice("PUBLIC", null)), admin, NoticeView.class);
        assertThat(draft.districtCode())
                .as("the city's notice without a district is city-wide")
                .isNull();
        portal.call(HttpRequest.POST("/portal/v1/notices/" + draft.id() + "/submit", ""), admin, NoticeView.class);
        var problem = portal.refused(
                HttpRequest.POST("/portal/v1/notices/" + draft.id() + "/approve", "")
                        .bearerAuth(admin),
                409);
        assertThat(problem.code()).isEqualTo("NOTICE_OWN_APPROVAL");
        assertThat(portal.call(HttpRequest.GET("/portal/v1/notices/" + draft.id()), admin, NoticeView.class)
                        .status())
                .isEqualTo(NoticeStatus.SUBMITTED);
    }

    @Test
    void aDistrictUserCannotTouchAnotherDistrictsNotice() {
        NoticeView jianghan = portal.call(
                HttpRequest.POST("/portal/v1/notices", notice("PUBLIC", "420103")), admin, NoticeView.class);
        String path = "/portal/v1/notices/" + jianghan.id();
        for (var request : List.of(
                HttpRequest.GET(path),
                HttpRequest.PATCH(path, Map.of("title", "越权修改")),
                HttpRequest.POST(path + "/submit", ""),
                HttpRequest.POST(path + "/withdraw", ""),
                HttpRequest.GET(path + "/readers"))) {
            assertThat(portal.refused(request.bearerAuth(inspector), 404).code())
                    .isEqualTo("NOTICE_NOT_FOUND");
        }
        assertThat(portal.refused(
                                HttpRequest.POST("/portal/v1/notices", notice("PUBLIC", "420103"))
                                        .bearerAuth(inspector),
                                404)
                        .code())
                .isEqualTo("DISTRICT_NOT_FOUND");
        assertThat(portal.call(HttpRequest.GET("/portal/v1/notices?limit=200"), inspector, DESK)
                        .items())
                .allSatisfy(n -> assertThat(n.districtCode()).isEqualTo("420106"));
        assertThat(portal.call(HttpRequest.GET(path), admin, NoticeView.class).title())
                .isEqualTo(jianghan.title());
    }

    @Test
    void theBodyIsSanitisedOnTheWayInAndABodyOfOnlyScriptIsRefused() {
        Map<String, Object> onlyScript = notice("PUBLIC", null);
        onlyScript.put("body", "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>");
        var refused = portal.refused(
                HttpRequest.POST("/portal/v1/notices", onlyScript).bearerAuth(inspector), 422);
        assertThat(refused.code()).isEqualTo("NOTICE_BODY_EMPTY");
        assertThat(refused.detail()).contains("正文");

        Map<String, Object> mixed = notice("PUBLIC", null);
        mixed.put(
                "body",
                "<p onclick=\"steal()\" style=\"display:none\">通知正文</p><script>alert(1)</script>"
                        + "<a href=\"javascript:alert(1)\">坏链接</a><a href=\"https://www.nmpa.gov.cn\">药监局</a>");
        NoticeView stored = published(portal, inspector, admin, mixed);
        String expected =
                "<p>通知正文</p><a rel=\"noopener\">坏链接</a><a href=\"https://www.nmpa.gov.cn\" rel=\"noopener\">药监局</a>";
        assertThat(stored.body()).isEqualTo(expected);
        assertThat(client.toBlocking()
                        .retrieve(
                                HttpRequest.GET("/portal/v1/public/notices/" + stored.id()), PublishedNoticeView.class)
                        .body())
                .as("the stored body is what is served")
                .isEqualTo(expected);
    }

    @Test
    void readersGetTheirAudiencePinnedFirstThenNewestAcrossPages() throws SQLException {
        NoticeView older = published(portal, inspector, admin, withDistrict(notice("PUBLIC", null), "420106"));
        Map<String, Object> pinnedBody = notice("PUBLIC", "420117");
        pinnedBody.put("pinned", true);
        NoticeView pinned = publishedByTheCity(pinnedBody);
        NoticeView newer = published(portal, inspector, admin, notice("PUBLIC", null));
        NoticeView toPharmacies = published(portal, inspector, admin, notice("PHARMACIES", null));
        NoticeView toEnterprises = published(portal, inspector, admin, notice("ENTERPRISES", null));
        NoticeView draft = portal.call(
                HttpRequest.POST("/portal/v1/notices", notice("PUBLIC", null)), inspector, NoticeView.class);

        List<Long> all = walk("/portal/v1/public/notices?limit=2");
        assertThat(all).contains(older.id(), pinned.id(), newer.id());
        assertThat(all).doesNotContain(toPharmacies.id(), toEnterprises.id(), draft.id());
        assertThat(all.stream()
                        .filter(List.of(older.id(), pinned.id(), newer.id())::contains)
                        .toList())
                .as("pinned first, then newest first")
                .containsExactly(pinned.id(), newer.id(), older.id());
        // every pinned notice comes before every other one
        List<PublishedNoticeView> page = client.toBlocking()
                .retrieve(HttpRequest.GET("/portal/v1/public/notices?limit=200"), PUBLISHED)
                .items();
        int lastPinned = -1;
        int firstUnpinned = page.size();
        for (int i = 0; i < page.size(); i++) {
            if (page.get(i).pinned()) {
                lastPinned = i;
            } else {
                firstUnpinned = Math.min(firstUnpinned, i);
            }
        }
        assertThat(lastPinned).isLessThan(firstUnpinned);
        assertThat(page).allSatisfy(n -> assertThat(n.body()).isNull());

        // one district's: its own and the city-wide ones; 新洲区's pinned notice is not 武昌区's
        List<Long> wuchang = walk("/portal/v1/public/notices?limit=200&districtCode=420106");
        assertThat(wuchang).contains(older.id(), newer.id()).doesNotContain(pinned.id());
        assertThat(walk("/portal/v1/public/notices?limit=200&districtCode=420117"))
                .contains(pinned.id());
    }

    @Test
    void aScheduledNoticeIsOutAtItsTimeAndItsPharmaciesAreToldThen() throws SQLException {
        Map<String, Object> later = notice("PUBLIC", null);
        later.put("publishAt", Instant.now().plusSeconds(3).toString());
        NoticeView scheduled = published(portal, inspector, admin, later);
        assertThat(scheduled.status()).isEqualTo(NoticeStatus.SCHEDULED);
        portal.refused(HttpRequest.GET("/portal/v1/public/notices/" + scheduled.id()), 404);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> portal.failure(HttpRequest.GET("/portal/v1/public/notices/" + scheduled.id())) == null);

        NoticeView now = published(portal, inspector, admin, notice("PHARMACIES", null));
        assertThat(managersToldOf(now.id()))
                .as("told in the approval's transaction")
                .isEqualTo(1);
        Map<String, Object> laterToPharmacies = notice("PHARMACIES", null);
        laterToPharmacies.put("publishAt", Instant.now().plusSeconds(2).toString());
        NoticeView scheduledToPharmacies = published(portal, inspector, admin, laterToPharmacies);
        assertThat(managersToldOf(scheduledToPharmacies.id())).isZero();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> managersToldOf(scheduledToPharmacies.id()) == 1);
    }

    @Test
    void requiredReadingIsCountedPharmacyByPharmacyInTheCallersDistrict() throws SQLException {
        NoticeView notice = published(portal, inspector, admin, notice("PHARMACIES", null));
        String readers = "/portal/v1/notices/" + notice.id() + "/readers?limit=200";
        List<NoticeReaderView> notYet = portal.call(HttpRequest.GET(readers + "&read=false"), inspector, READERS)
                .items();
        assertThat(notYet).extracting(NoticeReaderView::pharmacyId).contains(1L);
        assertThat(notYet).allSatisfy(r -> assertThat(r.districtCode()).isEqualTo("420106"));

        Actor clerk = new Actor(accountOf("demo-clerk"), Role.PHARMACY_CLERK, 1L, "420106", null, "127.0.0.1", null);
        Instant first = notices.confirm(clerk, notice.id()).confirmedAt();
        assertThat(notices.confirm(clerk, notice.id()).confirmedAt())
                .as("idempotent")
                .isEqualTo(first);
        Actor manager =
                new Actor(accountOf("demo-manager"), Role.PHARMACY_MANAGER, 1L, "420106", null, "127.0.0.1", null);
        notices.confirm(manager, notice.id());

        List<NoticeReaderView> done = portal.call(HttpRequest.GET(readers + "&read=true"), inspector, READERS)
                .items();
        assertThat(done).singleElement().satisfies(r -> {
            assertThat(r.pharmacyId()).isEqualTo(1L);
            assertThat(r.confirmations()).isEqualTo(2);
            assertThat(r.firstConfirmedAt()).isEqualTo(first);
        });
        List<NoticeReaderView> still = portal.call(HttpRequest.GET(readers + "&read=false"), inspector, READERS)
                .items();
        assertThat(still).extracting(NoticeReaderView::pharmacyId).doesNotContain(1L);
        NoticeView counted =
                portal.call(HttpRequest.GET("/portal/v1/notices/" + notice.id()), inspector, NoticeView.class);
        assertThat(counted.reading().confirmed()).isEqualTo(1);
        assertThat(counted.reading().pharmacies()).isEqualTo(still.size() + 1L);
        // the city sees every district's pharmacies of this 武昌区 notice: the same ones
        assertThat(portal.call(HttpRequest.GET(readers + "&read=true"), admin, READERS)
                        .items())
                .hasSize(1);

        NoticeView toPublic = published(portal, inspector, admin, notice("PUBLIC", null));
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/notices/" + toPublic.id() + "/readers")
                                        .bearerAuth(inspector),
                                409)
                        .code())
                .isEqualTo("NOTICE_NOT_REQUIRED_READING");
        portal.refused(HttpRequest.GET(readers + "&read=maybe").bearerAuth(inspector), 400);
    }

    @Test
    void badQueriesAreRefusedWithAStableCode() {
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/notices?status=LIVE")
                                        .bearerAuth(admin),
                                400)
                        .code())
                .isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/public/notices?districtCode=42"), 400)
                        .code())
                .isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/public/notices?districtCode=999999"), 404)
                        .code())
                .isEqualTo("DISTRICT_NOT_FOUND");
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/public/notices?cursor=bm9wZQ"), 400)
                        .code())
                .isEqualTo("PAGE_CURSOR_INVALID");
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/public/notices/abc"), 400)
                        .code())
                .isEqualTo("MALFORMED_REQUEST");
        Map<String, Object> tooLate = notice("PUBLIC", null);
        tooLate.put("publishAt", "2040-01-01T00:00:00Z");
        assertThat(portal.refused(
                                HttpRequest.POST("/portal/v1/notices", tooLate).bearerAuth(admin), 400)
                        .code())
                .isEqualTo("VALIDATION_FAILED");
        Map<String, Object> noAudience = notice("PUBLIC", null);
        noAudience.remove("audience");
        portal.refused(HttpRequest.POST("/portal/v1/notices", noAudience).bearerAuth(admin), 400);
    }

    /**
     * A notice the city writes (admin, through HTTP) and another city administrator approves: the demo has one, so the
     * second is a row of its own, acting through the feature's entry.
     */
    private NoticeView publishedByTheCity(Map<String, Object> body) throws SQLException {
        NoticeView draft = portal.call(HttpRequest.POST("/portal/v1/notices", body), admin, NoticeView.class);
        portal.call(HttpRequest.POST("/portal/v1/notices/" + draft.id() + "/submit", ""), admin, NoticeView.class);
        try (Connection c = devServices().openConnection()) {
            c.createStatement()
                    .executeUpdate("INSERT IGNORE INTO account (username, role, display_name, district_code)"
                            + " VALUES ('notice-second-admin', 'CITY_ADMIN', '市局第二管理员', '420100')");
        }
        long second;
        try (Connection c = devServices().openConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT id FROM account WHERE username = 'notice-second-admin'")) {
            rs.next();
            second = rs.getLong(1);
        }
        return notices.approve(new Actor(second, Role.CITY_ADMIN, null, "420100", null, "127.0.0.1", null), draft.id());
    }

    private static Map<String, Object> withDistrict(Map<String, Object> body, String district) {
        body.put("districtCode", district);
        return body;
    }

    private List<Long> walk(String first) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 500; i++) {
            Page<PublishedNoticeView> page = client.toBlocking()
                    .retrieve(HttpRequest.GET(first + (cursor == null ? "" : "&cursor=" + cursor)), PUBLISHED);
            page.items().forEach(n -> ids.add(n.id()));
            if (page.nextCursor() == null) {
                return ids;
            }
            cursor = page.nextCursor();
        }
        throw new AssertionError("more than 500 pages");
    }

    private long accountOf(String openid) throws SQLException {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM account WHERE wechat_openid = ?")) {
            ps.setString(1, openid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Inbox entries of the notice in the demo manager's (pharmacy 1, 武昌区) inbox. */
    private int managersToldOf(long noticeId) throws SQLException {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM notification_inbox i JOIN account a"
                        + " ON a.id = i.account_id WHERE a.wechat_openid = 'demo-manager' AND i.notice_key = ?")) {
            ps.setString(1, "notice:" + noticeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
