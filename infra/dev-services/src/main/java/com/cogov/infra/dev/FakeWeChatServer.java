package com.cogov.infra.dev;

import static com.cogov.infra.dev.FakeHttp.fields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WeChat mini-program server API, faked at its HTTP boundary so the real WxJava client runs unchanged against it
 * ({@code WxMaDefaultConfigImpl.setApiHostUrl(baseUrl())}). Paths, parameters and field names follow what
 * {@code weixin-java-miniapp} 4.7.0 sends and parses:
 * <ul>
 *   <li>{@code GET /cgi-bin/token}, {@code POST /cgi-bin/stable_token}</li>
 *   <li>{@code GET /sns/jscode2session} (WxJava also sends an access_token here; it is not required)</li>
 *   <li>{@code POST /wxa/business/getuserphonenumber}</li>
 *   <li>{@code POST /wxa/msg_sec_check}, {@code POST /wxa/media_check_async} (WeChat fetches {@code media_url}, then
 *       pushes the {@code wxa_media_check} event to {@link #setMediaCheckCallback}, signed with the message push
 *       token as WeChat signs it; the embedded default points it at the BFF's {@code /mp/v1/wechat/callback})</li>
 *   <li>{@code POST /cv/ocr/idcard} ({@code img_url} query parameter, or a multipart upload)</li>
 *   <li>{@code POST /cgi-bin/message/subscribe/send} (each accepted message is kept: {@link #subscribeMessages()})</li>
 *   <li>{@code GET /__fake/requests}: the last recorded requests, for humans</li>
 * </ul>
 * Login code {@code demo:<openid>} and phone code {@code demo-phone:<11 digits>} always work, so a newcomer can log
 * in with curl. Test controls ({@link #failNext}, {@link #stall}, ...) apply to one path and precede everything
 * else, including the access-token check.
 */
public final class FakeWeChatServer implements AutoCloseable {

    /** An identity the ID-card OCR answers with. */
    public record IdCardOcrResult(String name, String id, String addr, String gender, String nationality) {}

    /** One attempt to deliver a media-check event: {@code error} is set when it never got an HTTP answer. */
    public record MediaCallback(String traceId, String url, String payload, int httpStatus, String error, Instant at) {
        public boolean delivered() {
            return error == null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    /**
     * WeChat fetching the image a media check names, as it does before judging it: {@code status} 0 when no HTTP
     * answer came. An image it could not fetch gets no verdict (the app sends it again after its callback timeout).
     */
    public record MediaFetch(String url, int status, String contentType, int bytes, Instant at) {
        public boolean fetched() {
            return status == 200 && bytes > 0;
        }
    }

    public static final Set<String> DEFAULT_RISKY_WORDS = Set.of("冰毒", "代购麻黄碱", "海洛因");
    static final Duration LOGIN_CODE_TTL = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(FakeWeChatServer.class);
    private static final long TOKEN_TTL_SECONDS = 7200;
    private static final String DEMO_LOGIN = "demo:";
    private static final String DEMO_PHONE = "demo-phone:";
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("\\d{11}");
    private static final int PASS_LABEL = 100;
    private static final int FLAGGED_LABEL = 20001;
    // The mini program's original id, which WeChat puts in ToUserName of pushed events.
    private static final String ORIGINAL_ID = "gh_c0ffee000001";
    private static final int VIEW_SIZE = 200;
    /** What the fake OCR reads from any ID-card photo unless a test queues another identity. */
    public static final IdCardOcrResult DEMO_IDENTITY =
            new IdCardOcrResult("张三", withCheckCharacter("42010619900307123"), "湖北省武汉市武昌区中南路99号", "男", "汉");

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Route(String method, boolean needsToken, Function<RecordedRequest, Map<String, Object>> answer) {}

    private record LoginCode(String openid, Instant expiresAt) {}

    private record Verdict(String suggest, int label) {}

    /** A WeChat error answer, thrown from deep inside an endpoint and turned into the usual JSON body. */
    private static final class WeChatError extends RuntimeException {
        private final int errcode;

        WeChatError(int errcode, String errmsg) {
            super(errmsg, null, false, false);
            this.errcode = errcode;
        }

        Map<String, Object> body() {
            return error(errcode, getMessage());
        }
    }

    private final String appId;
    private final String appSecret;
    private final Map<String, Route> routes;
    private final FakeHttp http;
    private final ScheduledExecutorService callbacks;
    private final HttpClient callbackClient =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicReference<String> stableToken = new AtomicReference<>();
    private final Map<String, LoginCode> loginCodes = new ConcurrentHashMap<>();
    private final Map<String, String> phoneCodes = new ConcurrentHashMap<>();
    private final Map<String, Deque<Map<String, Object>>> failOnce = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> failAlways = new ConcurrentHashMap<>();
    private final Map<String, Integer> httpStatuses = new ConcurrentHashMap<>();
    private final Map<String, Duration> stalls = new ConcurrentHashMap<>();
    private final Deque<Map<String, Object>> idCardAnswers = new ConcurrentLinkedDeque<>();
    private final AtomicReference<Verdict> nextMediaVerdict = new AtomicReference<>();
    private final List<MediaCallback> mediaCallbacks = new CopyOnWriteArrayList<>();
    private final List<MediaFetch> mediaFetches = new CopyOnWriteArrayList<>();
    private final List<JsonNode> subscribeMessages = new CopyOnWriteArrayList<>();

    private volatile Set<String> riskyWords = DEFAULT_RISKY_WORDS;
    private volatile Set<String> reviewWords = Set.of();
    private volatile String mediaCheckCallback;
    private volatile Duration mediaCheckCallbackDelay = Duration.ofMillis(200);
    private volatile String messagePushToken;

    private FakeWeChatServer(String appId, String appSecret) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
        routes = Map.of(
                "/cgi-bin/token", new Route("GET", false, this::token),
                "/cgi-bin/stable_token", new Route("POST", false, this::stableToken),
                "/sns/jscode2session", new Route("GET", false, this::jscode2session),
                "/wxa/business/getuserphonenumber", new Route("POST", true, this::phoneNumber),
                "/wxa/msg_sec_check", new Route("POST", true, this::msgSecCheck),
                "/wxa/media_check_async", new Route("POST", true, this::mediaCheckAsync),
                "/cv/ocr/idcard", new Route("POST", true, this::idCardOcr),
                "/cgi-bin/message/subscribe/send", new Route("POST", true, this::subscribeSend));
        callbacks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fake-wechat-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        http = FakeHttp.start("fake-wechat", this::handle);
    }

    public static FakeWeChatServer start(String appId, String appSecret) {
        return new FakeWeChatServer(appId, appSecret);
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
        http.close();
    }

    // ---- codes and canned answers

    /** A login code that works once, within five minutes, like the codes {@code wx.login()} hands out. */
    public void registerLoginCode(String code, String openid) {
        loginCodes.put(code, new LoginCode(openid, Instant.now().plus(LOGIN_CODE_TTL)));
    }

    /** A phone code (from {@code getPhoneNumber} in the mini program) that works once. */
    public void registerPhoneCode(String code, String phoneNumber) {
        phoneCodes.put(code, phoneNumber);
    }

    public void setRiskyWords(Set<String> words) {
        riskyWords = Set.copyOf(words);
    }

    public void setReviewWords(Set<String> words) {
        reviewWords = Set.copyOf(words);
    }

    /** Where media-check verdicts are pushed; {@code null} pushes nothing, as when no message push is configured. */
    public void setMediaCheckCallback(String url) {
        mediaCheckCallback = url;
    }

    public void setMediaCheckCallbackDelay(Duration delay) {
        mediaCheckCallbackDelay = Objects.requireNonNull(delay);
    }

    /**
     * The token configured for message push: when set, pushed events carry {@code signature}, {@code timestamp}
     * and {@code nonce} query parameters signed with it, as WeChat does, so the receiver's check is exercised.
     */
    public void setMessagePushToken(String token) {
        messagePushToken = token;
    }

    /** The verdict of the next media check only; later ones pass again. */
    public void setNextMediaVerdict(String suggest, int label) {
        nextMediaVerdict.set(new Verdict(suggest, label));
    }

    public void queueIdCardOcr(IdCardOcrResult result) {
        idCardAnswers.addLast(idCardBody(result));
    }

    public void queueIdCardOcrError(int errcode, String errmsg) {
        idCardAnswers.addLast(error(errcode, errmsg));
    }

    // ---- failure injection

    /** The next call to {@code path} gets this WeChat error; several calls queue up. */
    public void failNext(String path, int errcode, String errmsg) {
        failOnce.computeIfAbsent(served(path), p -> new ConcurrentLinkedDeque<>())
                .addLast(error(errcode, errmsg));
    }

    /** Every call to {@code path} gets this WeChat error until {@link #reset()}. */
    public void failAlways(String path, int errcode, String errmsg) {
        failAlways.put(served(path), error(errcode, errmsg));
    }

    /** Every call to {@code path} gets a bare HTTP status (e.g. a 502 from WeChat's gateway) until {@link #reset()}. */
    public void respondWithHttpStatus(String path, int status) {
        httpStatuses.put(served(path), status);
    }

    /** Every call to {@code path} waits this long before answering, until {@link #reset()}. */
    public void stall(String path, Duration delay) {
        stalls.put(served(path), delay);
    }

    // ---- observations

    public List<RecordedRequest> requests() {
        return http.requests();
    }

    public List<RecordedRequest> requests(String path) {
        return http.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<MediaCallback> mediaCallbacks() {
        return List.copyOf(mediaCallbacks);
    }

    /** Every image fetched (or tried) for a media check, oldest first. */
    public List<MediaFetch> mediaFetches() {
        return List.copyOf(mediaFetches);
    }

    /**
     * The subscribe messages WeChat accepted (and would have delivered), oldest first: the bodies of the
     * {@code subscribe/send} calls that were answered {@code errcode 0}, not those refused or failed on purpose.
     */
    public List<JsonNode> subscribeMessages() {
        return List.copyOf(subscribeMessages);
    }

    /** The accepted subscribe messages to one user. */
    public List<JsonNode> subscribeMessagesTo(String openid) {
        return subscribeMessages.stream()
                .filter(m -> openid.equals(m.path("touser").asText()))
                .toList();
    }

    /**
     * Clears recordings, queued answers, failure modes, registered codes and the pending media verdict. Keeps the
     * credentials, issued tokens (clients cache them) and configuration such as risky words and the callback URL,
     * which the app under test may have set up once at boot.
     */
    public void reset() {
        http.clearRequests();
        mediaCallbacks.clear();
        mediaFetches.clear();
        subscribeMessages.clear();
        idCardAnswers.clear();
        nextMediaVerdict.set(null);
        loginCodes.clear();
        phoneCodes.clear();
        failOnce.clear();
        failAlways.clear();
        httpStatuses.clear();
        stalls.clear();
    }

    /** A resident ID number from its first 17 characters, with the GB 11643 check character appended. */
    static String withCheckCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += Character.digit(first17.charAt(i), 10) * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    // ---- dispatch

    private void handle(HttpExchange exchange, RecordedRequest request) throws IOException, InterruptedException {
        String path = request.path();
        if (path.equals(FakeHttp.OWN_PATHS + "requests")) {
            List<RecordedRequest> all = requests();
            FakeHttp.writeJson(
                    exchange,
                    200,
                    all.subList(Math.max(0, all.size() - VIEW_SIZE), all.size()).stream()
                            .map(r -> FakeHttp.describe(r, 2000))
                            .toList());
            return;
        }
        Duration stall = stalls.get(path);
        if (stall != null) {
            Thread.sleep(stall.toMillis());
        }
        Integer status = httpStatuses.get(path);
        if (status != null) {
            FakeHttp.writeText(exchange, status, "HTTP " + status + " injected by FakeWeChatServer");
            return;
        }
        Route route = routes.get(path);
        if (route == null) {
            FakeHttp.writeJson(exchange, 404, error(40066, "invalid url"));
            return;
        }
        // WeChat reports its errors with HTTP 200 and an errcode; only the gateway uses HTTP statuses.
        FakeHttp.writeJson(exchange, 200, answer(route, request));
    }

    private Map<String, Object> answer(Route route, RecordedRequest request) {
        Deque<Map<String, Object>> once = failOnce.get(request.path());
        Map<String, Object> injected = once == null ? null : once.pollFirst();
        if (injected == null) {
            injected = failAlways.get(request.path());
        }
        if (injected != null) {
            return injected;
        }
        try {
            if (!route.method().equals(request.method())) {
                throw route.method().equals("GET")
                        ? new WeChatError(43001, "require GET method")
                        : new WeChatError(43002, "require POST method");
            }
            if (route.needsToken()) {
                requireToken(request.query().get("access_token"));
            }
            return route.answer().apply(request);
        } catch (WeChatError e) {
            return e.body();
        }
    }

    // ---- endpoints

    private Map<String, Object> token(RecordedRequest request) {
        Map<String, String> query = request.query();
        if (!"client_credential".equals(query.get("grant_type"))) {
            throw new WeChatError(40002, "invalid grant_type");
        }
        checkCredentials(query.get("appid"), query.get("secret"));
        String token = newToken();
        return fields("access_token", token, "expires_in", TOKEN_TTL_SECONDS);
    }

    private Map<String, Object> stableToken(RecordedRequest request) {
        JsonNode body = jsonBody(request);
        if (!"client_credential".equals(body.path("grant_type").asText())) {
            throw new WeChatError(40002, "invalid grant_type");
        }
        checkCredentials(body.path("appid").asText(null), body.path("secret").asText(null));
        // Unlike /cgi-bin/token, the stable token stays the same for its lifetime unless a refresh is forced.
        String token =
                stableToken.updateAndGet(current -> body.path("force_refresh").asBoolean(false)
                                || current == null
                                || !tokens.get(current).isAfter(Instant.now())
                        ? newToken()
                        : current);
        long left = Duration.between(Instant.now(), tokens.get(token)).toSeconds();
        return fields("access_token", token, "expires_in", left);
    }

    private Map<String, Object> jscode2session(RecordedRequest request) {
        Map<String, String> query = request.query();
        checkCredentials(query.get("appid"), query.get("secret"));
        String code = query.getOrDefault("js_code", "");
        if (code.isBlank()) {
            throw new WeChatError(41008, "missing code");
        }
        String openid;
        if (code.startsWith(DEMO_LOGIN) && code.length() > DEMO_LOGIN.length()) {
            openid = code.substring(DEMO_LOGIN.length());
        } else {
            LoginCode registered = loginCodes.remove(code);
            if (registered == null || registered.expiresAt().isBefore(Instant.now())) {
                throw new WeChatError(40029, "invalid code");
            }
            openid = registered.openid();
        }
        // No unionid: the mini program is not bound to an open platform account.
        return fields("openid", openid, "session_key", Base64.getEncoder().encodeToString(randomBytes(16)));
    }

    private Map<String, Object> phoneNumber(RecordedRequest request) {
        String code = jsonBody(request).path("code").asText("");
        String phone = phoneCodes.remove(code);
        if (phone == null
                && code.startsWith(DEMO_PHONE)
                && MAINLAND_MOBILE.matcher(code.substring(DEMO_PHONE.length())).matches()) {
            phone = code.substring(DEMO_PHONE.length());
        }
        if (phone == null) {
            throw new WeChatError(40029, "invalid code");
        }
        return fields(
                "errcode",
                0,
                "errmsg",
                "ok",
                "phone_info",
                fields(
                        "phoneNumber",
                        phone,
                        "purePhoneNumber",
                        phone,
                        "countryCode",
                        86,
                        "watermark",
                        fields("timestamp", Instant.now().getEpochSecond(), "appid", appId)));
    }

    private Map<String, Object> msgSecCheck(RecordedRequest request) {
        JsonNode body = jsonBody(request);
        String content = body.path("content").asText("");
        String risky = firstContained(content, riskyWords);
        String review = risky == null ? firstContained(content, reviewWords) : null;
        if (body.path("version").asInt(1) != 2) {
            // Version 1 had no verdict object: a flagged text is an error code.
            if (risky != null || review != null) {
                throw new WeChatError(87014, "risky content");
            }
            return error(0, "ok");
        }
        if (body.path("openid").asText("").isBlank() || body.path("scene").asInt(0) <= 0) {
            throw new WeChatError(47001, "data format error");
        }
        String keyword = risky != null ? risky : review;
        Verdict verdict = risky != null
                ? new Verdict("risky", FLAGGED_LABEL)
                : review != null ? new Verdict("review", FLAGGED_LABEL) : new Verdict("pass", PASS_LABEL);
        List<Map<String, Object>> detail = keyword == null
                ? List.of(modelDetail(verdict))
                : List.of(
                        modelDetail(verdict),
                        fields(
                                "strategy",
                                "keyword",
                                "errcode",
                                0,
                                "suggest",
                                verdict.suggest(),
                                "label",
                                verdict.label(),
                                "level",
                                20,
                                "keyword",
                                keyword));
        return fields(
                "errcode", 0, "errmsg", "ok", "result", verdictBody(verdict), "detail", detail, "trace_id", traceId());
    }

    private Map<String, Object> mediaCheckAsync(RecordedRequest request) {
        JsonNode body = jsonBody(request);
        if (body.path("media_url").asText("").isBlank()
                || body.path("media_type").asInt(0) <= 0) {
            throw new WeChatError(47001, "data format error");
        }
        String traceId = traceId();
        Verdict verdict = Objects.requireNonNullElse(nextMediaVerdict.getAndSet(null), new Verdict("pass", PASS_LABEL));
        String url = mediaCheckCallback;
        String mediaUrl = body.path("media_url").asText();
        if (url == null) {
            // No message push configured: WeChat still fetches and judges the image, but tells no one.
            callbacks.schedule(() -> fetch(mediaUrl), mediaCheckCallbackDelay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            // Our clients use version 2, so the event always has the version 2 shape.
            Map<String, Object> event = fields(
                    "ToUserName",
                    ORIGINAL_ID,
                    "FromUserName",
                    body.path("openid").asText(""),
                    "CreateTime",
                    Instant.now().getEpochSecond(),
                    "MsgType",
                    "event",
                    "Event",
                    "wxa_media_check",
                    "appid",
                    appId,
                    "trace_id",
                    traceId,
                    "version",
                    2,
                    "detail",
                    List.of(modelDetail(verdict)),
                    "errcode",
                    0,
                    "errmsg",
                    "ok",
                    "result",
                    verdictBody(verdict));
            callbacks.schedule(
                    () -> {
                        if (fetch(mediaUrl)) {
                            deliver(url, traceId, event);
                        }
                    },
                    mediaCheckCallbackDelay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return fields("errcode", 0, "errmsg", "ok", "trace_id", traceId);
    }

    private Map<String, Object> idCardOcr(RecordedRequest request) {
        if (request.query().getOrDefault("img_url", "").isBlank()
                && request.body().isEmpty()) {
            throw new WeChatError(101000, "invalid image url or image data");
        }
        Map<String, Object> queued = idCardAnswers.pollFirst();
        return queued != null ? queued : idCardBody(DEMO_IDENTITY);
    }

    private Map<String, Object> subscribeSend(RecordedRequest request) {
        JsonNode body = jsonBody(request);
        if (body.path("touser").asText("").isBlank()) {
            throw new WeChatError(40003, "invalid openid");
        }
        if (body.path("template_id").asText("").isBlank()) {
            throw new WeChatError(40037, "invalid template_id");
        }
        // A template's "thing" fields take at most 20 characters; WeChat refuses longer values with 47003.
        body.path("data").fields().forEachRemaining(field -> {
            String value = field.getValue().path("value").asText("");
            if (field.getKey().startsWith("thing") && value.codePointCount(0, value.length()) > 20) {
                throw new WeChatError(47003, "argument invalid! data." + field.getKey() + ".value exceeds limit");
            }
        });
        subscribeMessages.add(body);
        return fields("errcode", 0, "errmsg", "ok", "msgid", RANDOM.nextLong() >>> 1);
    }

    // ---- helpers

    private void checkCredentials(String appid, String secret) {
        if (!appId.equals(appid)) {
            throw new WeChatError(40013, "invalid appid");
        }
        if (!appSecret.equals(secret)) {
            throw new WeChatError(40125, "invalid appsecret");
        }
    }

    private String newToken() {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(48));
        tokens.put(token, Instant.now().plusSeconds(TOKEN_TTL_SECONDS));
        return token;
    }

    private void requireToken(String token) {
        Instant expiresAt = token == null ? null : tokens.get(token);
        if (expiresAt == null) {
            throw new WeChatError(40001, "invalid credential");
        }
        if (expiresAt.isBefore(Instant.now())) {
            throw new WeChatError(42001, "access_token expired");
        }
    }

    /** Downloads the image as WeChat would; @return whether it came (HTTP 200 with a body) */
    private boolean fetch(String mediaUrl) {
        try {
            HttpResponse<byte[]> answer = callbackClient.send(
                    HttpRequest.newBuilder(URI.create(mediaUrl))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            MediaFetch fetch = new MediaFetch(
                    mediaUrl,
                    answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(""),
                    answer.body().length,
                    Instant.now());
            mediaFetches.add(fetch);
            return fetch.fetched();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not fetch the media to check from {}: {}", mediaUrl, e.toString());
            mediaFetches.add(new MediaFetch(mediaUrl, 0, "", 0, Instant.now()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void deliver(String url, String traceId, Map<String, Object> event) {
        String payload;
        try {
            payload = FakeHttp.JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            HttpRequest post = HttpRequest.newBuilder(
                            URI.create(url + (url.contains("?") ? "&" : "?") + pushSignature()))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                    .build();
            int status = callbackClient
                    .send(post, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            mediaCallbacks.add(new MediaCallback(traceId, url, payload, status, null, Instant.now()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Media-check callback to {} failed: {}", url, e.toString());
            mediaCallbacks.add(new MediaCallback(traceId, url, payload, 0, e.toString(), Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** WeChat's message-push signature: SHA-1 over the sorted token, timestamp and nonce, concatenated. */
    private String pushSignature() {
        String shared = messagePushToken;
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = Long.toString(RANDOM.nextInt(Integer.MAX_VALUE));
        if (shared == null) {
            return "timestamp=" + timestamp + "&nonce=" + nonce;
        }
        String[] parts = {shared, timestamp, nonce};
        Arrays.sort(parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
            return "signature=" + HexFormat.of().formatHex(digest) + "&timestamp=" + timestamp + "&nonce=" + nonce;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String served(String path) {
        if (!routes.containsKey(path)) {
            throw new IllegalArgumentException(
                    "FakeWeChatServer does not serve " + path + "; it serves " + routes.keySet());
        }
        return path;
    }

    private static JsonNode jsonBody(RecordedRequest request) {
        try {
            JsonNode body = FakeHttp.JSON.readTree(request.body());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (JsonProcessingException e) {
            // Falls through to WeChat's answer for a body it cannot read.
        }
        throw new WeChatError(47001, "data format error");
    }

    private static String firstContained(String content, Set<String> words) {
        return words.stream().filter(content::contains).sorted().findFirst().orElse(null);
    }

    private static Map<String, Object> modelDetail(Verdict verdict) {
        return fields(
                "strategy",
                "content_model",
                "errcode",
                0,
                "suggest",
                verdict.suggest(),
                "label",
                verdict.label(),
                "prob",
                90);
    }

    private static Map<String, Object> verdictBody(Verdict verdict) {
        return fields("suggest", verdict.suggest(), "label", verdict.label());
    }

    private static Map<String, Object> idCardBody(IdCardOcrResult identity) {
        return fields(
                "errcode",
                0,
                "errmsg",
                "ok",
                "type",
                "Front",
                "name",
                identity.name(),
                "id",
                identity.id(),
                "addr",
                identity.addr(),
                "gender",
                identity.gender(),
                "nationality",
                identity.nationality());
    }

    private static Map<String, Object> error(int errcode, String errmsg) {
        return fields("errcode", errcode, "errmsg", errmsg);
    }

    /** Shaped like WeChat's trace ids: three groups of eight hex digits. */
    private static String traceId() {
        String hex = HexFormat.of().formatHex(randomBytes(12));
        return hex.substring(0, 8) + "-" + hex.substring(8, 16) + "-" + hex.substring(16);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
