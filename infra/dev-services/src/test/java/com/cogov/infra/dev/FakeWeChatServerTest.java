package com.cogov.infra.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.bean.security.WxMaMediaSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import me.chanjar.weixin.common.bean.ocr.WxOcrIdCardResult;
import me.chanjar.weixin.common.error.WxErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeWeChatServerTest {

    private static final String APP_ID = "wx0123456789abcdef";
    private static final String SECRET = "test-secret";

    private final HttpClient plain = HttpClient.newHttpClient();
    private FakeWeChatServer fake;
    private WxMaService wx;

    @BeforeEach
    void start() {
        fake = FakeWeChatServer.start(APP_ID, SECRET);
        wx = client(SECRET, false);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void demoLoginCodeLogsInAsThatOpenid() throws Exception {
        WxMaJscode2SessionResult session = wx.getUserService().getSessionInfo("demo:demo-clerk");

        assertThat(session.getOpenid()).isEqualTo("demo-clerk");
        assertThat(Base64.getDecoder().decode(session.getSessionKey())).hasSize(16);
        assertThat(session.getUnionid()).isNull();
        assertThat(fake.requests())
                .extracting(RecordedRequest::path)
                .containsExactly("/cgi-bin/token", "/sns/jscode2session");
        RecordedRequest login = fake.requests("/sns/jscode2session").get(0);
        assertThat(login.query())
                .containsEntry("js_code", "demo:demo-clerk")
                .containsEntry("appid", APP_ID)
                .containsEntry("grant_type", "authorization_code");
        // The demo code is reusable, for curl-driven logins.
        assertThat(wx.getUserService().getSessionInfo("demo:demo-clerk").getOpenid())
                .isEqualTo("demo-clerk");
    }

    @Test
    void registeredLoginCodeWorksOnceOnly() throws Exception {
        fake.registerLoginCode("081xYz", "o-registered");

        assertThat(wx.getUserService().getSessionInfo("081xYz").getOpenid()).isEqualTo("o-registered");
        assertThatThrownBy(() -> wx.getUserService().getSessionInfo("081xYz"))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40029));
    }

    @Test
    void wrongSecretIsRefusedWhenFetchingTheToken() {
        WxMaService intruder = client("wrong-secret", false);

        assertThatThrownBy(intruder::getAccessToken)
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40125));
    }

    @Test
    void stableTokenIsIssuedOverPostAndKeptUntilForced() throws Exception {
        WxMaService stable = client(SECRET, true);
        String body =
                "{\"grant_type\":\"client_credential\",\"appid\":\"" + APP_ID + "\",\"secret\":\"" + SECRET + "\"}";

        String token = stable.getAccessToken();

        assertThat(fake.requests("/cgi-bin/stable_token"))
                .singleElement()
                .satisfies(r -> assertThat(r.json().path("appid").asText()).isEqualTo(APP_ID));
        JsonNode again = postJson("/cgi-bin/stable_token", body);
        assertThat(again.path("access_token").asText()).isEqualTo(token);
        assertThat(again.path("expires_in").asInt()).isBetween(7190, 7200);
        assertThat(stable.getAccessToken(true)).isNotEqualTo(token);
    }

    @Test
    void endpointsRefuseAnUnknownAccessToken() throws Exception {
        JsonNode answer = postJson("/wxa/msg_sec_check?access_token=forged", "{\"content\":\"hi\"}");

        assertThat(answer.path("errcode").asInt()).isEqualTo(40001);
        assertThat(answer.path("errmsg").asText()).isEqualTo("invalid credential");
    }

    @Test
    void phoneNumberComesFromRegisteredOrDemoCodes() throws Exception {
        fake.registerPhoneCode("phone-code-1", "13912345678");

        WxMaPhoneNumberInfo registered = wx.getUserService().getPhoneNumber("phone-code-1");
        WxMaPhoneNumberInfo demo = wx.getUserService().getPhoneNumber("demo-phone:13800138000");

        assertThat(registered.getPhoneNumber()).isEqualTo("13912345678");
        assertThat(registered.getPurePhoneNumber()).isEqualTo("13912345678");
        assertThat(registered.getCountryCode()).isEqualTo("86");
        assertThat(registered.getWatermark().getAppid()).isEqualTo(APP_ID);
        assertThat(demo.getPhoneNumber()).isEqualTo("13800138000");
        assertThat(fake.requests("/wxa/business/getuserphonenumber")
                        .get(0)
                        .json()
                        .path("code")
                        .asText())
                .isEqualTo("phone-code-1");
        assertThatThrownBy(() -> wx.getUserService().getPhoneNumber("phone-code-1"))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40029));
    }

    @Test
    void textCheckPassesCleanTextAndFlagsRiskyAndReviewWords() throws Exception {
        fake.setReviewWords(Set.of("处方药"));

        WxMaMsgSecCheckCheckResponse clean = wx.getSecurityService().checkMessage(textCheck("请问附近药店几点开门"));
        WxMaMsgSecCheckCheckResponse risky = wx.getSecurityService().checkMessage(textCheck("有人在群里卖冰毒"));
        WxMaMsgSecCheckCheckResponse review = wx.getSecurityService().checkMessage(textCheck("网上能买处方药吗"));

        assertThat(clean.getResult().getSuggest()).isEqualTo("pass");
        assertThat(clean.getResult().getLabel()).isEqualTo("100");
        assertThat(clean.getTraceId()).matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}");
        assertThat(risky.getResult().getSuggest()).isEqualTo("risky");
        assertThat(risky.getResult().getLabel()).isEqualTo("20001");
        assertThat(risky.getDetail()).anySatisfy(d -> assertThat(d.getKeyword()).isEqualTo("冰毒"));
        assertThat(review.getResult().getSuggest()).isEqualTo("review");
    }

    @Test
    void mediaCheckPushesTheVerdictToTheCallback() throws Exception {
        CompletableFuture<String> event = new CompletableFuture<>();
        CompletableFuture<Map<String, String>> query = new CompletableFuture<>();
        HttpServer receiver = receiver(exchange -> {
            if (serveImage(exchange)) {
                return;
            }
            query.complete(FakeHttp.parseQuery(exchange.getRequestURI().getRawQuery()));
            event.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        });
        try {
            fake.setMediaCheckCallback(
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/wechat/events");
            fake.setMediaCheckCallbackDelay(Duration.ofMillis(20));
            fake.setMessagePushToken("push-token");
            fake.setNextMediaVerdict("risky", 20002);

            String traceId = wx.getSecurityService()
                    .mediaCheckAsync(WxMaMediaSecCheckCheckRequest.builder()
                            .mediaUrl(
                                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/files/report.jpg")
                            .mediaType(2)
                            .version(2)
                            .openid("o-reporter")
                            .scene(1)
                            .build())
                    .getTraceId();

            JsonNode pushed = FakeHttp.JSON.readTree(event.get(5, TimeUnit.SECONDS));
            assertThat(pushed.path("Event").asText()).isEqualTo("wxa_media_check");
            assertThat(pushed.path("MsgType").asText()).isEqualTo("event");
            assertThat(pushed.path("FromUserName").asText()).isEqualTo("o-reporter");
            assertThat(pushed.path("appid").asText()).isEqualTo(APP_ID);
            assertThat(pushed.path("trace_id").asText()).isEqualTo(traceId);
            assertThat(pushed.path("version").asInt()).isEqualTo(2);
            assertThat(pushed.path("result").path("suggest").asText()).isEqualTo("risky");
            assertThat(pushed.path("result").path("label").asInt()).isEqualTo(20002);
            assertThat(pushed.path("detail").get(0).path("suggest").asText()).isEqualTo("risky");
            Map<String, String> signed = query.get(5, TimeUnit.SECONDS);
            WxMaDefaultConfigImpl receiverConfig = new WxMaDefaultConfigImpl();
            receiverConfig.setAppid(APP_ID);
            receiverConfig.setToken("push-token");
            WxMaServiceImpl verifier = new WxMaServiceImpl();
            verifier.setWxMaConfig(receiverConfig);
            assertThat(verifier.checkSignature(signed.get("timestamp"), signed.get("nonce"), signed.get("signature")))
                    .isTrue();
            await(() -> !fake.mediaCallbacks().isEmpty());
            assertThat(fake.mediaCallbacks()).singleElement().satisfies(c -> {
                assertThat(c.delivered()).isTrue();
                assertThat(c.traceId()).isEqualTo(traceId);
            });
            // WeChat fetched the image before judging it
            assertThat(fake.mediaFetches())
                    .singleElement()
                    .satisfies(f -> assertThat(f.fetched()).isTrue());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void undeliverableMediaCallbackIsRecordedAsFailed() throws Exception {
        HttpServer media = receiver(FakeWeChatServerTest::serveImage);
        try {
            fake.setMediaCheckCallback("http://127.0.0.1:" + FreePorts.find() + "/nobody-home");
            fake.setMediaCheckCallbackDelay(Duration.ZERO);

            wx.getSecurityService()
                    .mediaCheckAsync("http://127.0.0.1:" + media.getAddress().getPort() + "/a.jpg", 2);

            await(() -> !fake.mediaCallbacks().isEmpty());
            assertThat(fake.mediaCallbacks().get(0).delivered()).isFalse();
            assertThat(fake.mediaCallbacks().get(0).error()).isNotBlank();
        } finally {
            media.stop(0);
        }
    }

    @Test
    void anImageWeChatCannotFetchGetsNoVerdict() throws Exception {
        CompletableFuture<String> event = new CompletableFuture<>();
        HttpServer receiver = receiver(exchange -> event.complete("pushed"));
        try {
            fake.setMediaCheckCallback(
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/wechat/events");
            fake.setMediaCheckCallbackDelay(Duration.ZERO);

            wx.getSecurityService().mediaCheckAsync("http://127.0.0.1:" + FreePorts.find() + "/gone.jpg", 2);

            await(() -> !fake.mediaFetches().isEmpty());
            assertThat(fake.mediaFetches().get(0).fetched()).isFalse();
            assertThat(fake.mediaCallbacks()).isEmpty();
            assertThat(event).isNotDone();
        } finally {
            receiver.stop(0);
        }
    }

    /** Answers a GET with a few image bytes, as our signed file link does; @return whether it answered */
    private static boolean serveImage(com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return false;
        }
        byte[] image = {(byte) 0x89, 'P', 'N', 'G'};
        exchange.getResponseHeaders().add("Content-Type", "image/png");
        exchange.sendResponseHeaders(200, image.length);
        exchange.getResponseBody().write(image);
        return true;
    }

    @Test
    void idCardOcrOfAnUploadReturnsTheDemoIdentity(@TempDir Path dir) throws Exception {
        File photo = Files.write(dir.resolve("id-front.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3})
                .toFile();

        WxOcrIdCardResult identity = wx.getOcrService().idCard(photo);

        assertThat(identity.getName()).isEqualTo("张三");
        assertThat(identity.getGender()).isEqualTo("男");
        assertThat(identity.getNationality()).isEqualTo("汉");
        assertThat(identity.getAddr()).contains("武汉");
        assertThat(identity.getId()).isEqualTo("420106199003071238");
        assertThat(fake.requests("/cv/ocr/idcard").get(0).headers().get("Content-Type"))
                .startsWith("multipart/form-data");
    }

    @Test
    void queuedIdCardAnswersAndErrorsAreServedInOrder() throws Exception {
        fake.queueIdCardOcr(new FakeWeChatServer.IdCardOcrResult("李四", "11010519491231002X", "北京市西城区", "女", "回"));
        fake.queueIdCardOcrError(101001, "certificate not found");

        assertThat(wx.getOcrService().idCard("https://example.invalid/id.jpg").getName())
                .isEqualTo("李四");
        assertThatThrownBy(() -> wx.getOcrService().idCard("https://example.invalid/id.jpg"))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(101001));
        assertThat(wx.getOcrService().idCard("https://example.invalid/id.jpg").getName())
                .isEqualTo("张三");
        assertThat(fake.requests("/cv/ocr/idcard").get(0).query())
                .containsEntry("img_url", "https://example.invalid/id.jpg");
    }

    @Test
    void residentIdCheckCharacterFollowsGb11643() {
        assertThat(FakeWeChatServer.withCheckCharacter("11010519491231002")).isEqualTo("11010519491231002X");
        assertThat(FakeWeChatServer.withCheckCharacter("42010619900307123")).isEqualTo("420106199003071238");
    }

    @Test
    void failNextSurfacesAsWxErrorOnceThenRecovers() throws Exception {
        fake.failNext("/sns/jscode2session", 45011, "api minute-quota reach limit");

        assertThatThrownBy(() -> wx.getUserService().getSessionInfo("demo:o1"))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(45011));
        assertThat(wx.getUserService().getSessionInfo("demo:o1").getOpenid()).isEqualTo("o1");
    }

    @Test
    void failAlwaysHoldsUntilReset() throws Exception {
        fake.failAlways("/cgi-bin/message/subscribe/send", 43101, "user refuse to accept the msg");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> wx.getMsgService().sendSubscribeMsg(subscribeMessage()))
                    .isInstanceOfSatisfying(
                            WxErrorException.class,
                            e -> assertThat(e.getError().getErrorCode()).isEqualTo(43101));
        }
        fake.reset();
        wx.getMsgService().sendSubscribeMsg(subscribeMessage());
    }

    @Test
    void httpStatus500SurfacesAsAnExceptionNotAHang() {
        fake.respondWithHttpStatus("/wxa/msg_sec_check", 500);

        assertThatThrownBy(() -> wx.getSecurityService().checkMessage(textCheck("你好")))
                .hasStackTraceContaining("500");
    }

    @Test
    void stallMakesImpatientClientsTimeOut() {
        fake.stall("/cgi-bin/token", Duration.ofSeconds(2));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(fake.baseUrl() + "/cgi-bin/token?grant_type=client_credential"))
                .timeout(Duration.ofMillis(200))
                .build();

        assertThatThrownBy(() -> plain.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void subscribeMessageIsSent() throws Exception {
        wx.getMsgService().sendSubscribeMsg(subscribeMessage());

        JsonNode sent = fake.requests("/cgi-bin/message/subscribe/send").get(0).json();
        assertThat(sent.path("touser").asText()).isEqualTo("o-reporter");
        assertThat(sent.path("template_id").asText()).isEqualTo("tpl-report-received");
        assertThat(fake.subscribeMessagesTo("o-reporter")).hasSize(1);
    }

    @Test
    void onlyAcceptedSubscribeMessagesAreKeptAndLongThingFieldsAreRefused() throws Exception {
        fake.failNext("/cgi-bin/message/subscribe/send", 45009, "reach max api daily quota limit");
        assertThatThrownBy(() -> wx.getMsgService().sendSubscribeMsg(subscribeMessage()))
                .isInstanceOf(WxErrorException.class);
        WxMaSubscribeMessage tooLong = subscribeMessage()
                .setData(List.of(new WxMaSubscribeMessage.MsgData("thing1", "一二三四五六七八九十一二三四五六七八九十一")));
        assertThatThrownBy(() -> wx.getMsgService().sendSubscribeMsg(tooLong))
                .isInstanceOfSatisfying(
                        WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(47003));
        assertThat(fake.subscribeMessages()).isEmpty();

        wx.getMsgService().sendSubscribeMsg(subscribeMessage());
        assertThat(fake.subscribeMessages()).hasSize(1);
        assertThat(fake.requests("/cgi-bin/message/subscribe/send")).hasSize(3);
    }

    @Test
    void unknownPathAnswers404WithInvalidUrl() throws Exception {
        HttpResponse<String> response = plain.send(
                HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/wxa/no_such_api"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(FakeHttp.JSON.readTree(response.body()).path("errcode").asInt())
                .isEqualTo(40066);
    }

    @Test
    void failureInjectionRejectsPathsTheFakeDoesNotServe() {
        assertThatThrownBy(() -> fake.failNext("/sns/jscode2sesion", 1, "typo"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestsViewListsRecordedRequestsAsJson() throws Exception {
        wx.getUserService().getSessionInfo("demo:o1");

        HttpResponse<String> response = plain.send(
                HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/__fake/requests"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode view = FakeHttp.JSON.readTree(response.body());
        assertThat(view).hasSize(2);
        assertThat(view.get(1).path("path").asText()).isEqualTo("/sns/jscode2session");
        assertThat(view.get(1).path("query").path("js_code").asText()).isEqualTo("demo:o1");
    }

    @Test
    void resetClearsRecordingsButKeepsIssuedTokens() throws Exception {
        wx.getUserService().getSessionInfo("demo:o1");
        fake.registerLoginCode("once", "o2");

        fake.reset();

        assertThat(fake.requests()).isEmpty();
        wx.getMsgService().sendSubscribeMsg(subscribeMessage()); // cached token still accepted
        assertThat(fake.requests())
                .extracting(RecordedRequest::path)
                .containsExactly("/cgi-bin/message/subscribe/send");
        assertThatThrownBy(() -> wx.getUserService().getSessionInfo("once")).isInstanceOf(WxErrorException.class);
    }

    private WxMaService client(String secret, boolean stableToken) {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(APP_ID);
        config.setSecret(secret);
        config.setApiHostUrl(fake.baseUrl());
        config.useStableAccessToken(stableToken);
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        service.setRetrySleepMillis(10);
        return service;
    }

    private static WxMaMsgSecCheckCheckRequest textCheck(String content) {
        return WxMaMsgSecCheckCheckRequest.builder()
                .version("2")
                .openid("o-reporter")
                .scene(2)
                .content(content)
                .build();
    }

    private static WxMaSubscribeMessage subscribeMessage() {
        return WxMaSubscribeMessage.builder()
                .toUser("o-reporter")
                .templateId("tpl-report-received")
                .data(List.of(new WxMaSubscribeMessage.MsgData("thing1", "您的举报已受理")))
                .build();
    }

    private JsonNode postJson(String pathAndQuery, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return FakeHttp.JSON.readTree(
                plain.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static HttpServer receiver(com.sun.net.httpserver.HttpHandler handler) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
                if (exchange.getResponseCode() == -1) {
                    exchange.sendResponseHeaders(200, -1);
                }
            }
        });
        server.start();
        return server;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
