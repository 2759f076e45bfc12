package com.cogov.bff;

import static com.cogov.bff.Counter.EPHEDRINE;
import static com.cogov.bff.Counter.adultId;
import static com.cogov.bff.Counter.item;
import static com.cogov.bff.Counter.sale;
import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.Tokens;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.infra.dev.DevServicesTest;
import com.cogov.infra.dev.RawHttp;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the mini-program API does with input a real mini-program never sends: it is refused with a 4xx naming the
 * field, never quietly turned into something else and stored.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputTest implements DevServicesTest {

    private static final String SALES = "/mp/v1/registrations";
    private static final String REPORTS = "/mp/v1/drugs/barcode/reports";
    private static final String SIGN_IN = "/mp/v1/auth/wechat";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    EmbeddedServer server;

    Counter counter;
    MiniProgramSessions mp;
    RawHttp raw;
    Tokens clerk;

    @BeforeAll
    void signIn() {
        counter = new Counter(client, devServices());
        mp = counter.mp;
        raw = new RawHttp(server.getURI());
        clerk = counter.clerkOf(31); // a pharmacy of its own: nothing else sells there
    }

    @BeforeEach
    void resetWeChat() {
        devServices().weChat().reset();
    }

    @Test
    void aFractionOrABooleanIsNotAQuantity() throws IOException {
        for (String quantity : List.of("1.5", "true", "\"1\"", "1e0", "3000000000")) {
            Problem problem =
                    mp.refused(saleOf(validSale().replace("\"quantity\":1", "\"quantity\":" + quantity)), 400);
            assertThat(problem.code()).as(quantity).isEqualTo("MALFORMED_REQUEST");
            assertThat(problem.errors())
                    .as(quantity)
                    .extracting(Problem.FieldError::field)
                    .containsExactly("items[0].quantity");
        }
        assertThat(mp.refused(saleOf(validSale().replace("\"quantity\":1", "\"quantity\":1.5")), 400)
                        .detail())
                .isEqualTo("字段 items[0].quantity 应为整数，不能带小数");
        assertThat(salesOfThisPharmacy()).as("nothing was stored as 1").isZero();
    }

    @Test
    void numbersAndBooleansAreNotText() throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(
                "items[0].batchNumber", validSale().replace("\"batchNumber\":\"B20261\"", "\"batchNumber\":20261101"));
        cases.put("buyer.name", validSale().replaceFirst("\"name\":\"[^\"]*\"", "\"name\":true"));
        cases.put(
                "buyer.documentNumber",
                validSale().replaceFirst("\"documentNumber\":\"[0-9]{17}[0-9X]\"", "\"documentNumber\":420106"));
        cases.put("items[0].drugId", validSale().replace("\"drugId\":1", "\"drugId\":\"1\""));
        for (var sale : cases.entrySet()) {
            Problem problem = mp.refused(saleOf(sale.getValue()), 400);
            assertThat(problem.code()).as(sale.getKey()).isEqualTo("MALFORMED_REQUEST");
            assertThat(problem.errors())
                    .as(sale.getKey())
                    .extracting(Problem.FieldError::field)
                    .containsExactly(sale.getKey());
        }
        Problem barcode = mp.refused(
                HttpRequest.POST(REPORTS, "{\"barcode\":6901028075831}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .bearerAuth(clerk.accessToken()),
                400);
        assertThat(barcode.errors()).extracting(Problem.FieldError::field).containsExactly("barcode");
        assertThat(barcode.detail()).isEqualTo("字段 barcode 应为文本（带引号的字符串）");
        assertThat(salesOfThisPharmacy()).isZero();
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedNamingTheField() throws IOException {
        // As the JSON text carries them: escapes, so that the lone surrogate arrives as one
        for (String batch : List.of(
                "B\\u0000", "B\\u001b[31m", "B\\u007f", "B\\u0085", "B\\ud800", "B\\udc00x", "B\\n2", "B\\u202e1")) {
            Problem problem = mp.refused(
                    saleOf(validSale().replace("\"batchNumber\":\"B20261\"", "\"batchNumber\":\"" + batch + "\"")),
                    400);
            assertThat(problem.code()).as(batch).isEqualTo("VALIDATION_FAILED");
            assertThat(problem.errors())
                    .as(batch)
                    .extracting(Problem.FieldError::field)
                    .containsExactly("items[0].batchNumber");
            assertThat(problem.errors().get(0).message()).as(batch).contains("控制字符");
        }
        // in a field the binding ignores too, so nothing of it is stored or logged
        Problem unknown =
                mp.refused(saleOf(validSale().replace("{\"buyer\"", "{\"remark\":\"x\\u0000\",\"buyer\"")), 400);
        assertThat(unknown.errors()).extracting(Problem.FieldError::field).containsExactly("remark");
        assertThat(salesOfThisPharmacy()).isZero();
    }

    @Test
    void aNoteTypedInATextAreaMayHaveLineBreaksButNoOtherControlCharacter() {
        String code = "6901028075831"; // an EAN-13 the demo catalog lacks
        Problem nul = mp.refused(report("{\"barcode\":\"" + code + "\",\"note\":\"康泰克\\u0000\"}"), 400);
        assertThat(nul.errors()).extracting(Problem.FieldError::field).containsExactly("note");
        var accepted = client.toBlocking()
                .exchange(report("{\"barcode\":\"" + code + "\",\"note\":\"第一行\\n第二行\\r\\n第三行\"}"), String.class);
        assertThat(accepted.getStatus().getCode()).isIn(200, 201);
        assertThat(accepted.body()).contains("第一行\\n第二行");
    }

    @Test
    void aBuyerNameThatIsAnEmojiOrAPathIsRefused() throws IOException {
        for (String name : List.of("😀", "张三😀", "../../etc/passwd", "<script>", "...")) {
            RegistrationRequest sale = sale(adultId(), item(EPHEDRINE, 1));
            RegistrationRequest named = new RegistrationRequest(
                    new RegistrationRequest.Buyer(
                            null, sale.buyer().documentType(), sale.buyer().documentNumber(), name),
                    sale.items(),
                    null,
                    sale.soldAt());
            Problem problem = mp.refused(Counter.post(clerk, UUID.randomUUID().toString(), named), 400);
            assertThat(problem.code()).as(name).isEqualTo("BUYER_NAME_INVALID");
            assertThat(problem.errors())
                    .as(name)
                    .extracting(Problem.FieldError::field)
                    .containsExactly("buyer.name");
        }
        assertThat(salesOfThisPharmacy()).isZero();
    }

    @Test
    void anythingAfterTheJsonValueIsRefusedAndWeChatIsNotCalled() {
        for (String body : List.of(
                "{\"code\":\"demo:a\"}{\"code\":\"demo:b\"}",
                "{\"code\":\"demo:a\"} trailing",
                "{\"code\":\"demo:a\"},")) {
            RawHttp.Response answer = raw.postJson(SIGN_IN, "application/json", body, null);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.contentType()).as(body).startsWith(Problem.MEDIA_TYPE);
            assertThat(answer.code()).as(body).isEqualTo("MALFORMED_REQUEST");
            assertThat(answer.json().path("detail").asText()).as(body).contains("多余");
        }
        assertThat(devServices().weChat().requests("/sns/jscode2session")).isEmpty();
        // white space after the value is not "anything"
        assertThat(raw.postJson(
                                SIGN_IN,
                                "application/json",
                                "{\"code\":\"demo:citizen-" + UUID.randomUUID() + "\"}\r\n",
                                null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aBodyWithoutAContentTypeIs415WithAChineseMessage() {
        RawHttp.Response json = raw.postJson(SIGN_IN, null, "{\"code\":\"demo:demo-clerk\"}", null);
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(json.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(json.json().path("detail").asText()).contains("Content-Type: application/json");
        assertThat(devServices().weChat().requests("/sns/jscode2session")).isEmpty();

        RawHttp.Response upload = raw.post(
                "/mp/v1/drugs/barcode/decode",
                null,
                RawHttp.multipart(
                        "cogov", "form-data; name=\"image\"; filename=\"a.png\"", "image/png", new byte[] {1, 2, 3}),
                clerk.accessToken());
        assertThat(upload.status()).isEqualTo(415);
        assertThat(upload.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(upload.json().path("detail").asText()).contains("multipart/form-data");
    }

    @Test
    void jsonInAnotherCharsetIs415AndBytesThatAreNotUtf8Are400() {
        String body = "{\"code\":\"demo:王\"}";
        for (String charset : List.of("GBK", "ISO-8859-1", "UTF-16")) {
            RawHttp.Response answer = raw.post(
                    SIGN_IN, "application/json; charset=" + charset, body.getBytes(Charset.forName(charset)), null);
            assertThat(answer.status()).as(charset).isEqualTo(415);
            assertThat(answer.code()).as(charset).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            assertThat(answer.json().path("detail").asText()).as(charset).contains("UTF-8");
        }
        // GBK bytes sent as if they were UTF-8
        RawHttp.Response mislabelled =
                raw.post(SIGN_IN, "application/json", body.getBytes(Charset.forName("GBK")), null);
        assertThat(mislabelled.status()).isEqualTo(400);
        assertThat(mislabelled.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(devServices().weChat().requests("/sns/jscode2session")).isEmpty();
        // UTF-8 said outright is fine
        assertThat(raw.post(
                                SIGN_IN,
                                "application/json; charset=UTF-8",
                                ("{\"code\":\"demo:citizen-" + UUID.randomUUID() + "\"}")
                                        .getBytes(StandardCharsets.UTF_8),
                                null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anIdInFullWidthDigitsIsNotTheId() {
        Tokens manager = mp.signIn("demo-manager");
        IssuedCredential issued = mp.call(
                HttpRequest.POST("/mp/v1/pharmacy/clerks", new AccountRequests.CreateClerk("全角编号")),
                manager,
                IssuedCredential.class);
        String fullWidth = fullWidth(issued.account().id());
        MutableHttpRequest<?> disable = HttpRequest.POST(
                        "/mp/v1/pharmacy/clerks/" + URLEncoder.encode(fullWidth, StandardCharsets.UTF_8) + "/disable",
                        new AccountRequests.Reason("越权测试"))
                .bearerAuth(manager.accessToken());
        Problem problem = mp.refused(disable, 400);
        assertThat(problem.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("id");
        List<AccountView> clerks = client.toBlocking()
                .retrieve(
                        HttpRequest.GET("/mp/v1/pharmacy/clerks").bearerAuth(manager.accessToken()),
                        Argument.listOf(AccountView.class));
        assertThat(clerks)
                .filteredOn(c -> c.id() == issued.account().id())
                .singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(AccountView.Status.ACTIVE));
    }

    private String validSale() throws IOException {
        return json.writeValueAsString(
                sale(adultId(), new RegistrationRequest.Item(null, EPHEDRINE, 1, "B20261", null, null)));
    }

    private MutableHttpRequest<?> saleOf(String body) {
        return HttpRequest.POST(SALES, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bearerAuth(clerk.accessToken());
    }

    private MutableHttpRequest<?> report(String body) {
        return HttpRequest.POST(REPORTS, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(clerk.accessToken());
    }

    private int salesOfThisPharmacy() {
        return mp.call(HttpRequest.GET(SALES), clerk, MiniProgramSessions.REGISTRATIONS)
                .items()
                .size();
    }

    private static String fullWidth(long id) {
        StringBuilder out = new StringBuilder();
        for (char digit : Long.toString(id).toCharArray()) {
            out.append((char) ('０' + (digit - '0')));
        }
        return out.toString();
    }
}
