package com.cogov.portal;

import com.cogov.contracts.notice.NoticeSummaryView;
import com.cogov.contracts.notice.NoticeView;
import com.cogov.contracts.notice.PublishedNoticeView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Notices as the desk writes them, for the portal's tests. */
final class NoticeFixtures {

    static final Argument<Page<PublishedNoticeView>> PUBLISHED = new GenericArgument<>() {};
    static final Argument<Page<NoticeSummaryView>> DESK = new GenericArgument<>() {};

    private NoticeFixtures() {}

    /** A notice body with a unique title. */
    static Map<String, Object> notice(String audience, String districtCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "测试通知" + UUID.randomUUID().toString().substring(0, 8));
        body.put("body", "<p>各药店：请于本周内完成自查。</p>");
        body.put("audience", audience);
        if (districtCode != null) {
            body.put("districtCode", districtCode);
        }
        return body;
    }

    /** Written by {@code author}, submitted, approved by {@code approver}. */
    static NoticeView published(PortalSessions portal, String author, String approver, Map<String, Object> body) {
        NoticeView draft = portal.call(HttpRequest.POST("/portal/v1/notices", body), author, NoticeView.class);
        portal.call(HttpRequest.POST("/portal/v1/notices/" + draft.id() + "/submit", ""), author, NoticeView.class);
        return portal.call(
                HttpRequest.POST("/portal/v1/notices/" + draft.id() + "/approve", ""), approver, NoticeView.class);
    }
}
