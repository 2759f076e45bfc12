package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.error.Problem;
import com.cogov.infra.dev.RawHttp;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the portal API does with input its web front end never sends: refused with a 4xx naming the field, never
 * quietly turned into something else and stored.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputTest implements PortalTest {

    private static final String ACCOUNTS = "/portal/v1/accounts";
    private static final String LOGIN = "/portal/v1/auth/login";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    PortalSessions portal;
    RawHttp raw;
    String admin;

    @BeforeEach
    void setUp() {
        portal = new PortalSessions(client);
        raw = new RawHttp(server.getURI());
        admin = portal.admin(devServices());
    }

    @Test
    void textNumbersAndBooleansAreNotTakenForOneAnother() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(
                "displayName",
                "{\"role\":\"ENTERPRISE_USER\",\"displayName\":12345,\"username\":\"strict-a\",\"enterpriseId\":1}");
        cases.put(
                "username",
                "{\"role\":\"ENTERPRISE_USER\",\"displayName\":\"企业甲\",\"username\":true,\"enterpriseId\":1}");
        cases.put(
                "enterpriseId",
                "{\"role\":\"ENTERPRISE_USER\",\"displayName\":\"企业甲\",\"username\":\"strict-a\",\"enterpriseId\":\"1\"}");
        cases.put(
                "enterpriseId ",
                "{\"role\":\"ENTERPRISE_USER\",\"displayName\":\"企业甲\",\"username\":\"strict-a\",\"enterpriseId\":1.5}");
        cases.put("role", "{\"role\":1,\"displayName\":\"企业甲\",\"username\":\"strict-a\",\"enterpriseId\":1}");
        for (var body : cases.entrySet()) {
            Problem problem = portal.refused(json(ACCOUNTS, body.getValue()).bearerAuth(admin), 400);
            assertThat(problem.code()).as(body.getKey()).isEqualTo("MALFORMED_REQUEST");
            assertThat(problem.errors())
                    .as(body.getKey())
                    .extracting(Problem.FieldError::field)
                    .containsExactly(body.getKey().strip());
        }
        assertThat(accountsNamed("strict-a")).as("nothing was created").isZero();
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreRefusedNamingTheField() throws Exception {
        for (String name : List.of("企业\\u0000甲", "\\u001b[2J企业", "企业\\ud83d", "企业\\u009b甲", "企业\\n甲")) {
            Problem problem = portal.refused(
                    json(
                                    ACCOUNTS,
                                    "{\"role\":\"ENTERPRISE_USER\",\"displayName\":\"" + name
                                            + "\",\"username\":\"strict-b\",\"enterpriseId\":1}")
                            .bearerAuth(admin),
                    400);
            assertThat(problem.code()).as(name).isEqualTo("VALIDATION_FAILED");
            assertThat(problem.errors())
                    .as(name)
                    .extracting(Problem.FieldError::field)
                    .containsExactly("displayName");
        }
        assertThat(accountsNamed("strict-b")).isZero();
        // a sign-in with a NUL in the name is refused before any account is looked up or counted against
        Problem login = portal.refused(json(LOGIN, "{\"username\":\"admin\\u0000\",\"password\":\"x\"}"), 400);
        assertThat(login.errors()).extracting(Problem.FieldError::field).containsExactly("username");
    }

    @Test
    void aReasonMayHaveLineBreaksButNoOtherControlCharacter() {
        IssuedCredential issued = portal.call(
                HttpRequest.POST(
                        ACCOUNTS,
                        new AccountRequests.Create(Role.ENTERPRISE_USER, "多行原因", "strict-reason", null, null, 1L)),
                admin,
                IssuedCredential.class);
        String disable = ACCOUNTS + "/" + issued.account().id() + "/disable";
        Problem bell =
                portal.refused(json(disable, "{\"reason\":\"离职\\u0007\"}").bearerAuth(admin), 400);
        assertThat(bell.errors()).extracting(Problem.FieldError::field).containsExactly("reason");
        assertThat(portal.call(json(disable, "{\"reason\":\"离职\\n交接完成\"}"), admin, AccountView.class)
                        .status())
                .isEqualTo(AccountView.Status.DISABLED);
    }

    @Test
    void anythingAfterTheJsonValueIsRefused() {
        for (String body : List.of(
                "{\"username\":\"admin\",\"password\":\"x\"}{\"username\":\"admin\",\"password\":\"y\"}",
                "{\"username\":\"admin\",\"password\":\"x\"}]",
                "{\"username\":\"admin\",\"password\":\"x\"} //")) {
            RawHttp.Response answer = raw.postJson(LOGIN, "application/json", body, null);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.contentType()).as(body).startsWith(Problem.MEDIA_TYPE);
            assertThat(answer.code()).as(body).isEqualTo("MALFORMED_REQUEST");
            assertThat(answer.json().path("detail").asText()).as(body).contains("多余");
        }
    }

    @Test
    void aBodyWithoutAContentTypeOrInAnotherCharsetIs415() {
        RawHttp.Response untyped = raw.postJson(LOGIN, null, "{\"username\":\"admin\",\"password\":\"x\"}", null);
        assertThat(untyped.status()).isEqualTo(415);
        assertThat(untyped.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(untyped.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(untyped.json().path("title").asText()).isEqualTo("不支持的内容类型");
        assertThat(untyped.json().path("detail").asText()).contains("Content-Type: application/json");

        RawHttp.Response latin1 = raw.post(
                LOGIN,
                "application/json; charset=ISO-8859-1",
                "{\"username\":\"admin\",\"password\":\"é\"}".getBytes(Charset.forName("ISO-8859-1")),
                null);
        assertThat(latin1.status()).isEqualTo(415);
        assertThat(latin1.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(latin1.json().path("detail").asText()).contains("UTF-8");

        RawHttp.Response notUtf8 = raw.post(
                LOGIN, "application/json", new byte[] {'{', '"', 'u', (byte) 0xC3, '(', '"', ':', '1', '}'}, null);
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void anIdInFullWidthDigitsIsNotTheId() throws Exception {
        IssuedCredential issued = portal.call(
                HttpRequest.POST(
                        ACCOUNTS,
                        new AccountRequests.Create(Role.ENTERPRISE_USER, "全角", "strict-fullwidth", null, null, 1L)),
                admin,
                IssuedCredential.class);
        long id = issued.account().id();
        assertThat(portal.call(HttpRequest.GET(ACCOUNTS + "/" + id), admin, AccountView.class)
                        .id())
                .isEqualTo(id);

        Problem read = portal.refused(
                HttpRequest.GET(ACCOUNTS + "/" + encoded(fullWidth(id))).bearerAuth(admin), 400);
        assertThat(read.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(read.errors()).extracting(Problem.FieldError::field).containsExactly("id");
        assertThat(portal.refused(HttpRequest.GET(ACCOUNTS + "/" + encoded("１")).bearerAuth(admin), 400)
                        .code())
                .isEqualTo("MALFORMED_REQUEST");
        portal.refused(
                HttpRequest.POST(ACCOUNTS + "/" + encoded(fullWidth(id)) + "/disable", new AccountRequests.Reason("全角"))
                        .bearerAuth(admin),
                400);
        assertThat(portal.call(HttpRequest.GET(ACCOUNTS + "/" + id), admin, AccountView.class)
                        .status())
                .isEqualTo(AccountView.Status.ACTIVE);
        // and a number in a query too
        assertThat(portal.refused(
                                HttpRequest.GET("/portal/v1/audit/events?limit=" + encoded("１"))
                                        .bearerAuth(admin),
                                400)
                        .errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("limit");
    }

    private static MutableHttpRequest<?> json(String path, String body) {
        return HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private long accountsNamed(String username) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String encoded(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    private static String fullWidth(long id) {
        StringBuilder out = new StringBuilder();
        for (char digit : Long.toString(id).toCharArray()) {
            out.append((char) ('０' + (digit - '0')));
        }
        return out.toString();
    }
}
