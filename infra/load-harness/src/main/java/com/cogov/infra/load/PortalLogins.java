package com.cogov.infra.load;

import com.cogov.api.account.Authenticator;
import com.cogov.api.privacy.PrivacyService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Staff sign in to the portal as its web front end does: password, then for administrators a TOTP code. The demo
 * administrator enrols at its first sign-in (the answer carries the secret); in later runs on the same data folder it
 * is enrolled, and the harness reads its secret back from the account, opened with the app's own key, as the
 * authenticator app on the administrator's phone would hold it.
 */
final class PortalLogins {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PortalLogins() {}

    /** An access token for the demo user, through the portal's real sign-in steps. */
    static String signIn(String base, String username, String password, Supplier<Connection> db, PrivacyService privacy)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode step = post(
                http,
                base + "/portal/v1/auth/login",
                JSON.writeValueAsString(Map.of("username", username, "password", password)));
        String status = step.path("status").asText();
        if (status.equals("TOTP_ENROLMENT_REQUIRED") || status.equals("TOTP_REQUIRED")) {
            String secret;
            long lastStep = Long.MIN_VALUE;
            if (status.equals("TOTP_ENROLMENT_REQUIRED")) {
                secret = step.path("totpEnrolment").path("secret").asText();
            } else {
                try (Connection c = db.get();
                        PreparedStatement ps = c.prepareStatement(
                                "SELECT totp_secret_sealed, totp_last_step FROM account WHERE username = ?")) {
                    ps.setString(1, username);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        secret = privacy.open(rs.getString(1));
                        long last = rs.getLong(2);
                        lastStep = rs.wasNull() ? Long.MIN_VALUE : last;
                    }
                }
            }
            // A code is accepted once, and one step either side of now: after a sign-in within the last 30 s (an
            // earlier run) the next step's code is the one still unused.
            long now = Instant.now().getEpochSecond() / 30;
            long use = Math.max(now, lastStep + 1);
            if (use > now + 1) {
                Thread.sleep(30_000); // two sign-ins of this account within a minute: wait for a fresh step
                use = Instant.now().getEpochSecond() / 30;
            }
            step = post(
                    http,
                    base + "/portal/v1/auth/totp",
                    JSON.writeValueAsString(Map.of(
                            "challengeToken",
                            step.path("challengeToken").asText(),
                            "code",
                            Authenticator.code(secret, Instant.ofEpochSecond(use * 30)))));
            status = step.path("status").asText();
        }
        if (!status.equals("SIGNED_IN")) {
            throw new IllegalStateException("Portal sign-in of " + username + " stopped at " + status);
        }
        return step.path("tokens").path("accessToken").asText();
    }

    private static JsonNode post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Portal sign-in: " + url + " answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
