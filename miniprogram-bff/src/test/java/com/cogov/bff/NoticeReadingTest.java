package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.notice.NoticeService;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.crossborder.PublicCrossBorderPharmacistView;
import com.cogov.contracts.notice.NoticeAudience;
import com.cogov.contracts.notice.PublishedNoticeView;
import com.cogov.contracts.paging.Page;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.GenericArgument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Notices in the mini-program: the public reads public notices without signing in, pharmacy staff read their
 * district's notices to pharmacies and confirm them once; and the public's check of cross-border pharmacists.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeReadingTest implements DevServicesTest {

    static final Argument<Page<PublishedNoticeView>> NOTICES = new GenericArgument<>() {};
    static final Argument<Page<PublicCrossBorderPharmacistView>> PHARMACISTS = new GenericArgument<>() {};

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    NoticeService notices;

    MiniProgramSessions mp;
    long toWuchangPharmacies;
    long toJianghanPharmacies;
    long toThePublic;

    @BeforeAll
    void publish() throws Exception {
        mp = new MiniProgramSessions(client);
        toWuchangPharmacies = NoticeFixture.published(devServices(), notices, NoticeAudience.PHARMACIES, "420106");
        toJianghanPharmacies = NoticeFixture.published(devServices(), notices, NoticeAudience.PHARMACIES, "420103");
        toThePublic = NoticeFixture.published(devServices(), notices, NoticeAudience.PUBLIC, "420106");
    }

    @Test
    void thePublicReadsPublicNoticesWithoutSigningIn() {
        List<Long> ids = ids(client.toBlocking().retrieve(HttpRequest.GET("/mp/v1/notices?limit=200"), NOTICES));
        assertThat(ids).contains(toThePublic).doesNotContain(toWuchangPharmacies, toJianghanPharmacies);
        PublishedNoticeView one = client.toBlocking()
                .retrieve(HttpRequest.GET("/mp/v1/notices/" + toThePublic), PublishedNoticeView.class);
        assertThat(one.body()).isEqualTo("<p>请各药店阅读并确认。</p>");
        assertThat(one.requiredReading()).isFalse();
        mp.refused(HttpRequest.GET("/mp/v1/notices/" + toWuchangPharmacies), 404);
    }

    @Test
    void aClerkReadsTheirDistrictsNoticesToPharmaciesAndConfirmsThemOnce() {
        Tokens clerk = mp.signIn("demo-clerk");
        List<PublishedNoticeView> page = mp.call(HttpRequest.GET("/mp/v1/notices?limit=200"), clerk, NOTICES)
                .items();
        assertThat(page)
                .extracting(PublishedNoticeView::id)
                .contains(toWuchangPharmacies)
                .doesNotContain(toJianghanPharmacies, toThePublic);
        assertThat(page).allSatisfy(n -> assertThat(n.audience()).isEqualTo(NoticeAudience.PHARMACIES));
        mp.refused(HttpRequest.GET("/mp/v1/notices/" + toJianghanPharmacies).bearerAuth(clerk.accessToken()), 404);
        mp.refused(HttpRequest.GET("/mp/v1/notices?districtCode=420103").bearerAuth(clerk.accessToken()), 404);

        PublishedNoticeView confirmed = mp.call(
                HttpRequest.POST("/mp/v1/notices/" + toWuchangPharmacies + "/read", ""),
                clerk,
                PublishedNoticeView.class);
        assertThat(confirmed.requiredReading()).isTrue();
        Instant at = confirmed.confirmedAt();
        assertThat(at).isNotNull();
        assertThat(mp.call(
                                HttpRequest.POST("/mp/v1/notices/" + toWuchangPharmacies + "/read", ""),
                                clerk,
                                PublishedNoticeView.class)
                        .confirmedAt())
                .as("confirming again changes nothing")
                .isEqualTo(at);
        assertThat(mp.call(HttpRequest.GET("/mp/v1/notices?limit=200"), clerk, NOTICES)
                        .items())
                .filteredOn(n -> n.id() == toWuchangPharmacies)
                .singleElement()
                .satisfies(n -> assertThat(n.confirmedAt()).isEqualTo(at));
        // another district's pharmacy, a citizen and nobody cannot confirm it
        mp.refused(
                HttpRequest.POST("/mp/v1/notices/" + toWuchangPharmacies + "/read", "")
                        .bearerAuth(mp.signIn("demo-clerk-2").accessToken()),
                404);
        mp.refused(
                HttpRequest.POST("/mp/v1/notices/" + toWuchangPharmacies + "/read", "")
                        .bearerAuth(mp.signIn("demo-public").accessToken()),
                403);
        mp.refused(HttpRequest.POST("/mp/v1/notices/" + toWuchangPharmacies + "/read", ""), 401);
    }

    @Test
    void theCrossBorderCheckRefusesAnOverlongQuery() {
        assertThat(mp.refused(HttpRequest.GET("/mp/v1/public/cross-border-pharmacists?q=" + "a".repeat(51)), 400)
                        .code())
                .isEqualTo("QUERY_PARAMETER_INVALID");
        assertThat(client.toBlocking()
                        .retrieve(HttpRequest.GET("/mp/v1/public/cross-border-pharmacists?q=zzzz-none"), PHARMACISTS)
                        .items())
                .isEmpty();
    }

    private static List<Long> ids(Page<PublishedNoticeView> page) {
        return page.items().stream().map(PublishedNoticeView::id).toList();
    }
}
