package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.notify.Notice;
import com.cogov.api.notify.Notifier;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.notify.InboxEntryView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The desk's inbox: a district's notices reach its inspectors, each reads only their own messages. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxTest implements PortalTest {

    private static final Argument<Page<InboxEntryView>> PAGE = new GenericArgument<>() {};

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Notifier notifier;

    @Inject
    TransactionOperations<Connection> transactions;

    PortalSessions portal;
    String inspector;
    String admin;
    String enterprise;

    @BeforeAll
    void signIn() {
        portal = new PortalSessions(client);
        admin = portal.admin(devServices());
        inspector = portal.login("inspector", devServices().demoPasswords().get("inspector"))
                .tokens()
                .accessToken();
        enterprise = portal.login("enterprise", devServices().demoPasswords().get("enterprise"))
                .tokens()
                .accessToken();
    }

    @Test
    void aDistrictsNoticeReachesItsInspectorNewestFirstAndNoOneElse() {
        String first = raise("420106", "第一条");
        String second = raise("420106", "第二条");
        raise("420103", "江汉区的预警"); // another district's: never in 武昌区's inbox

        List<InboxEntryView> mine = inbox(inspector, "").items();
        assertThat(mine).extracting(InboxEntryView::title).containsSubsequence(second, first);
        assertThat(mine.get(0).title()).isEqualTo(second);
        assertThat(mine).extracting(InboxEntryView::title).doesNotContain("江汉区的预警");
        assertThat(mine.get(0).readAt()).isNull();
        assertThat(mine.get(0).link()).isEqualTo("/alerts/1");

        assertThat(inbox(admin, "").items()).extracting(InboxEntryView::title).doesNotContain(first, second);
        assertThat(inbox(enterprise, "").items()).isEmpty();
    }

    @Test
    void theInboxPagesWithACursorWithoutRepeatsOrGaps() {
        raise("420106", "翻页一");
        raise("420106", "翻页二");
        raise("420106", "翻页三");
        List<InboxEntryView> all = inbox(inspector, "?limit=200").items();

        Page<InboxEntryView> page = inbox(inspector, "?limit=2");
        List<Long> seen = new java.util.ArrayList<>(
                page.items().stream().map(InboxEntryView::id).toList());
        while (page.nextCursor() != null) {
            page = inbox(inspector, "?limit=2&cursor=" + page.nextCursor());
            page.items().forEach(e -> seen.add(e.id()));
        }
        assertThat(seen)
                .containsExactlyElementsOf(all.stream().map(InboxEntryView::id).toList());
    }

    @Test
    void aMessageMarkedReadLeavesTheUnreadListAndStaysRead() {
        String title = raise("420106", "待读");
        InboxEntryView entry = inbox(inspector, "?unread=true").items().stream()
                .filter(e -> e.title().equals(title))
                .findFirst()
                .orElseThrow();

        InboxEntryView read = call(HttpRequest.POST("/portal/v1/inbox/" + entry.id() + "/read", ""), inspector);
        assertThat(read.readAt()).isNotNull();
        InboxEntryView again = call(HttpRequest.POST("/portal/v1/inbox/" + entry.id() + "/read", ""), inspector);
        assertThat(again.readAt()).isEqualTo(read.readAt());

        assertThat(inbox(inspector, "?unread=true").items())
                .extracting(InboxEntryView::id)
                .doesNotContain(entry.id());
        assertThat(inbox(inspector, "?unread=false").items())
                .extracting(InboxEntryView::id)
                .contains(entry.id());
    }

    @Test
    void anotherUsersMessageIsNotFound() {
        String title = raise("420106", "别人的消息");
        long id = inbox(inspector, "").items().stream()
                .filter(e -> e.title().equals(title))
                .findFirst()
                .orElseThrow()
                .id();

        Problem problem = portal.refused(
                HttpRequest.POST("/portal/v1/inbox/" + id + "/read", "").bearerAuth(admin), 404);
        assertThat(problem.code()).isEqualTo("INBOX_ENTRY_NOT_FOUND");
        portal.refused(
                HttpRequest.POST("/portal/v1/inbox/" + Long.MAX_VALUE + "/read", "")
                        .bearerAuth(inspector),
                404);
        assertThat(inbox(inspector, "?unread=true").items())
                .extracting(InboxEntryView::id)
                .contains(id);
    }

    @Test
    void badPagingParametersAreRefusedWithTheirCode() {
        assertThat(portal.refused(HttpRequest.GET("/portal/v1/inbox?limit=201").bearerAuth(inspector), 400)
                        .code())
                .isEqualTo("PAGE_LIMIT_INVALID");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/inbox?cursor=not-a-cursor")
                                        .bearerAuth(inspector),
                                400)
                        .code())
                .isEqualTo("PAGE_CURSOR_INVALID");
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/inbox?unread=perhaps")
                                        .bearerAuth(inspector),
                                400)
                        .code())
                .isEqualTo("QUERY_PARAMETER_INVALID");
        portal.refused(HttpRequest.GET("/portal/v1/inbox?limit=ten").bearerAuth(inspector), 400);
        portal.refused(HttpRequest.POST("/portal/v1/inbox/abc/read", "").bearerAuth(inspector), 400);
        portal.refused(HttpRequest.GET("/portal/v1/inbox"), 401);
    }

    /** Raises a notice the way a feature does, in its own transaction; returns its title. */
    private String raise(String district, String what) {
        String title = what + "-" + UUID.randomUUID().toString().substring(0, 6);
        transactions.executeWrite(status -> {
            notifier.toDistrictInspectors(
                    district, new Notice("test:" + title, "ALERT", title, "请核查：" + what, "/alerts/1"));
            return null;
        });
        return title;
    }

    private Page<InboxEntryView> inbox(String token, String query) {
        return client.toBlocking()
                .retrieve(HttpRequest.GET("/portal/v1/inbox" + query).bearerAuth(token), PAGE);
    }

    private InboxEntryView call(MutableHttpRequest<?> request, String token) {
        return client.toBlocking().retrieve(request.bearerAuth(token), InboxEntryView.class);
    }
}
