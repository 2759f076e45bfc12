package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.complaint.AttachmentView;
import com.cogov.contracts.complaint.ComplaintStatus;
import com.cogov.contracts.complaint.ComplaintStatusView;
import com.cogov.contracts.complaint.FilingReceipt;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.paging.Page;
import com.cogov.infra.dev.DevServicesTest;
import com.cogov.infra.dev.FakeWeChatServer;
import com.cogov.infra.dev.FreePorts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The content check of mini-program filings (issue 19, docs/complaints.md "Content check") against the fake WeChat:
 * text through msg_sec_check v2, images through media_check_async v2 fetched by WeChat from a signed link on this BFF,
 * the verdict pushed to {@code POST /mp/v1/wechat/callback} signed with the message push token. The app listens on a
 * fixed free port so that the fake can reach it; the waits are short so the re-checks run within the test.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentCheckTest implements DevServicesTest {

    static final int PORT = FreePorts.find();
    static final String BASE = "http://127.0.0.1:" + PORT + "/mp/v1";
    static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    @Client("/")
    HttpClient client;

    MiniProgramSessions mp;
    FakeWeChatServer weChat;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put("micronaut.server.port", String.valueOf(PORT));
        properties.put("cogov.content-check.media-base-url", BASE);
        properties.put("cogov.content-check.retry-first", "200ms");
        properties.put("cogov.content-check.retry-max", "1s");
        properties.put("cogov.content-check.callback-timeout", "2s");
        properties.put("cogov.content-check.resend-every", "300ms");
        properties.put("cogov.complaint.content-recheck-every", "300ms");
        return properties;
    }

    @BeforeAll
    void pointWeChatAtThisApp() {
        mp = new MiniProgramSessions(client);
        weChat = devServices().weChat();
        weChat.setMediaCheckCallback(BASE + "/wechat/callback");
    }

    @AfterEach
    void weChatBackToNormal() {
        weChat.reset();
        weChat.setReviewWords(Set.of());
        weChat.setRiskyWords(FakeWeChatServer.DEFAULT_RISKY_WORDS);
        weChat.setMediaCheckCallback(BASE + "/wechat/callback");
    }

    @AfterAll
    void stopPushingHere() {
        weChat.setMediaCheckCallback(null); // the next test class's app listens elsewhere
    }

    @Test
    void aPhotoWeChatClearsLetsTheCaseStartAndARepeatedCallbackChangesNothing() throws Exception {
        Tokens citizen = citizen();
        FilingReceipt receipt = file(citizen, complaint("买到的药品说明书缺页。"), upload(citizen));
        assertThat(receipt.status()).isEqualTo(ComplaintStatus.PENDING_CONTENT_CHECK);

        ComplaintStatusView cleared = awaitStatus(citizen, receipt, ComplaintStatus.RECEIVED);
        assertThat(cleared.deadlines()).isNotEmpty();
        assertThat(cleared.replies())
                .extracting(ComplaintStatusView.Reply::text)
                .anyMatch(t -> t.contains("内容安全检查已通过"));
        // WeChat fetched the very image by its signed link, and was answered with the image
        assertThat(weChat.mediaFetches()).hasSize(1);
        assertThat(weChat.mediaFetches().get(0).fetched()).isTrue();
        assertThat(weChat.mediaFetches().get(0).url()).startsWith(BASE + "/files/");
        assertThat(weChat.mediaFetches().get(0).contentType()).isEqualTo("image/png");
        assertThat(contentCheckOf(receipt)).containsExactly("PASS");

        // WeChat pushes again (it retries when unsure): acknowledged, and the case is not cleared twice
        FakeWeChatServer.MediaCallback pushed = weChat.mediaCallbacks().get(0);
        assertThat(pushed.delivered()).isTrue();
        HttpResponse<String> again = client.toBlocking()
                .exchange(
                        HttpRequest.POST("/mp/v1/wechat/callback?" + signedQuery(), pushed.payload())
                                .contentType(MediaType.APPLICATION_JSON_TYPE),
                        String.class);
        assertThat(again.body()).isEqualTo("success");
        assertThat(steps(receipt.id(), "CONTENT_CLEARED")).isEqualTo(1);
    }

    @Test
    void aFlaggedPhotoHoldsTheCaseForAPersonAndTellsTheFiler() throws Exception {
        Tokens citizen = citizen();
        weChat.setNextMediaVerdict("risky", 20001);
        FilingReceipt receipt = file(citizen, complaint("店员态度恶劣并拒绝退货。"), upload(citizen));

        await().atMost(WAIT).until(() -> contentCheckOf(receipt).equals(List.of("RISKY")));
        assertThat(status(citizen, receipt).status()).isEqualTo(ComplaintStatus.PENDING_CONTENT_CHECK);
        assertThat(steps(receipt.id(), "CONTENT_HELD")).isEqualTo(1);
        assertThat(inboxKeys(citizen)).contains("complaint:" + receipt.id() + ":content-held");
        assertThat(status(citizen, receipt).replies())
                .extracting(ComplaintStatusView.Reply::text)
                .anyMatch(t -> t.contains("人工审核"));
    }

    @Test
    void aCallbackWithAWrongSignatureIsRefused() throws Exception {
        String body = "{\"Event\":\"wxa_media_check\",\"trace_id\":\"x\",\"result\":{\"suggest\":\"pass\"}}";
        String now = String.valueOf(Instant.now().getEpochSecond());
        Problem forged = mp.refused(
                HttpRequest.POST("/mp/v1/wechat/callback?signature=0000&timestamp=" + now + "&nonce=1", body)
                        .contentType(MediaType.APPLICATION_JSON_TYPE),
                401);
        assertThat(forged.code()).isEqualTo("WECHAT_SIGNATURE_INVALID");
        assertThat(mp.refused(
                                HttpRequest.POST("/mp/v1/wechat/callback", body)
                                        .contentType(MediaType.APPLICATION_JSON_TYPE),
                                401)
                        .code())
                .isEqualTo("WECHAT_SIGNATURE_INVALID");
        assertThat(mp.refused(
                                HttpRequest.GET("/mp/v1/wechat/callback?signature=0000&timestamp=" + now
                                        + "&nonce=1&echostr=abc"),
                                401)
                        .code())
                .isEqualTo("WECHAT_SIGNATURE_INVALID");
        // WeChat's own check of the address: the echostr comes back when the signature is right
        assertThat(client.toBlocking().retrieve("/mp/v1/wechat/callback?" + signedQuery() + "&echostr=abc123"))
                .isEqualTo("abc123");
    }

    @Test
    void riskyTextIsRefusedSayingWhatToChange() {
        Tokens citizen = citizen();
        Problem refused = mp.refused(filing(complaint("店里有人私下出售冰毒。")).bearerAuth(citizen.accessToken()), 422);
        assertThat(refused.code()).isEqualTo("CONTENT_RISKY");
        assertThat(refused.detail()).contains("「事实和理由」").contains("冰毒");
        assertThat(weChat.requests("/wxa/msg_sec_check")).isNotEmpty();
        assertThat(mine(citizen)).isEmpty();
    }

    @Test
    void textForReviewIsFiledAndHeldForAPerson() throws Exception {
        weChat.setReviewWords(Set.of("维权群"));
        Tokens citizen = citizen();
        FilingReceipt receipt = file(citizen, complaint("我们建了维权群，商家一直不退款。"), null);
        assertThat(receipt.status()).isEqualTo(ComplaintStatus.PENDING_CONTENT_CHECK);
        assertThat(receipt.deadlines()).isNotEmpty();
        // held: nothing clears it by itself, while the re-check job runs every 300 ms
        assertThat(steps(receipt.id(), "CONTENT_CLEARED")).isZero();
        assertThat(dueDate(receipt.id())).as("no deadline runs while held").isNull();
    }

    @Test
    void whenWeChatIsDownTheCaseIsAcceptedWaitsAndIsClearedOnceWeChatIsBack() throws Exception {
        weChat.respondWithHttpStatus("/wxa/msg_sec_check", 502);
        weChat.failAlways("/wxa/media_check_async", -1, "system error");
        Tokens citizen = citizen();
        // the local list still refuses what it knows is risky: one policy while WeChat is away
        assertThat(mp.refused(filing(complaint("有人代购麻黄碱。")).bearerAuth(citizen.accessToken()), 422)
                        .code())
                .isEqualTo("CONTENT_RISKY");

        FilingReceipt receipt = file(citizen, complaint("药店销售过期药品。"), upload(citizen));
        assertThat(receipt.status()).isEqualTo(ComplaintStatus.PENDING_CONTENT_CHECK);
        // the jobs keep asking, with backoff, while WeChat is down
        await().atMost(WAIT)
                .until(() -> weChat.requests("/wxa/msg_sec_check").size() >= 4
                        && weChat.requests("/wxa/media_check_async").size() >= 2);
        assertThat(status(citizen, receipt).status()).isEqualTo(ComplaintStatus.PENDING_CONTENT_CHECK);

        weChat.reset(); // WeChat is back
        awaitStatus(citizen, receipt, ComplaintStatus.RECEIVED);
        assertThat(contentCheckOf(receipt)).containsExactly("PASS");
    }

    @Test
    void anImageWhoseVerdictNeverCameIsSentAgain() throws Exception {
        weChat.setMediaCheckCallback(null); // WeChat takes the image and never calls back
        Tokens citizen = citizen();
        FilingReceipt receipt = file(citizen, complaint("药品包装破损。"), upload(citizen));
        await().atMost(WAIT).until(() -> !weChat.mediaFetches().isEmpty());
        weChat.setMediaCheckCallback(BASE + "/wechat/callback");

        awaitStatus(citizen, receipt, ComplaintStatus.RECEIVED);
        assertThat(weChat.requests("/wxa/media_check_async")).hasSizeGreaterThanOrEqualTo(2);
    }

    // ---- helpers

    Tokens citizen() {
        return mp.signIn("content-check-" + UUID.randomUUID());
    }

    static Map<String, Object> complaint(String facts) {
        Map<String, Object> body = ComplaintMiniProgramTest.complaint();
        body.put("facts", facts);
        return body;
    }

    static io.micronaut.http.MutableHttpRequest<?> filing(Map<String, Object> body) {
        return ComplaintMiniProgramTest.filing(body);
    }

    String upload(Tokens citizen) throws Exception {
        return mp.call(
                        HttpRequest.POST(
                                        "/mp/v1/complaints/attachments",
                                        MultipartBody.builder()
                                                .addPart(
                                                        "file",
                                                        "a.png",
                                                        MediaType.IMAGE_PNG_TYPE,
                                                        ComplaintMiniProgramTest.png())
                                                .build())
                                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE),
                        citizen,
                        AttachmentView.class)
                .id();
    }

    FilingReceipt file(Tokens citizen, Map<String, Object> body, String attachmentId) {
        if (attachmentId != null) {
            body.put("attachmentIds", List.of(attachmentId));
        }
        return mp.call(filing(body), citizen, FilingReceipt.class);
    }

    List<ComplaintStatusView> mine(Tokens citizen) {
        Page<ComplaintStatusView> page =
                mp.call(HttpRequest.GET("/mp/v1/complaints/mine"), citizen, ComplaintMiniProgramTest.MINE);
        return page.items();
    }

    ComplaintStatusView status(Tokens citizen, FilingReceipt receipt) {
        return mine(citizen).stream()
                .filter(v -> v.trackingNumber().equals(receipt.trackingNumber()))
                .findFirst()
                .orElseThrow();
    }

    ComplaintStatusView awaitStatus(Tokens citizen, FilingReceipt receipt, ComplaintStatus expected) {
        return await().atMost(WAIT).until(() -> status(citizen, receipt), v -> v.status() == expected);
    }

    /** The query WeChat appends to a push: signature over the sorted token, timestamp and nonce. */
    String signedQuery() throws Exception {
        String token = devServices().properties().get("cogov.wechat.message-push-token");
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = String.valueOf(System.nanoTime());
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        String signature = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-1")
                        .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        return "signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce;
    }

    List<String> contentCheckOf(FilingReceipt receipt) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT content_check FROM complaint_attachment WHERE complaint_id = ?")) {
            ps.setLong(1, receipt.id());
            List<String> states = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.add(rs.getString(1));
                }
            }
            return states;
        }
    }

    int steps(long complaintId, String action) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM complaint_event WHERE complaint_id = ? AND action = ?")) {
            ps.setLong(1, complaintId);
            ps.setString(2, action);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    Object dueDate(long complaintId) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT due_date FROM complaint WHERE id = ?")) {
            ps.setLong(1, complaintId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    List<String> inboxKeys(Tokens citizen) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT notice_key FROM notification_inbox WHERE account_id = ?")) {
            ps.setLong(1, citizen.profile().accountId());
            List<String> keys = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        }
    }
}
