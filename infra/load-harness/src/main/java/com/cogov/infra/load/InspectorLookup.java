package com.cogov.infra.load;

import com.cogov.infra.dev.DemoData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The inspector's pharmacy lookup, nearest first (docs/inspection.md): {@code GET /mp/v1/inspector/pharmacies?lat=
 * &lng=&radiusMeters=3000&limit=20} from random points of the demo inspector's district (武昌区, about 490 of the
 * dataset's 6,400 pharmacies), at 8 clients. It reads Redis GEO (the district's set), then the page's pharmacies by id
 * and their open alerts. Baseline: the trivial endpoint at 8 clients with the same inspector's token.
 */
final class InspectorLookup {

    static final String NAME = "inspector nearby";
    private static final String DISTRICT = DemoData.DEMO_DISTRICT;
    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private InspectorLookup() {}

    /**
     * Gives every pharmacy without coordinates a place about its district's centre (within ±0.02°, about 2 km),
     * deterministic by id; idempotent. Before the app starts, which then puts them in the nearby index.
     */
    static void placePharmacies(Connection db) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(true);
        try (PreparedStatement ps = db.prepareStatement("UPDATE pharmacy SET"
                + " latitude = ? + (MOD(id * 7919, 401) - 200) / 10000,"
                + " longitude = ? + (MOD(id * 104729, 401) - 200) / 10000"
                + " WHERE district_code = ? AND latitude IS NULL")) {
            for (String district : DemoData.districtCodes()) {
                double[] centre = DemoData.centre(district);
                ps.setDouble(1, centre[0]);
                ps.setDouble(2, centre[1]);
                ps.setString(3, district);
                ps.executeUpdate();
            }
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    static Report.Row measure(Wrk wrk, String base, Path work, Duration warm, Duration duration, Random random)
            throws Exception {
        List<String> tokens = List.of(signIn(base));
        double[] centre = DemoData.centre(DISTRICT);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 640; i++) {
            double lat = centre[0] + (random.nextDouble() - 0.5) * 0.04;
            double lng = centre[1] + (random.nextDouble() - 0.5) * 0.04;
            lines.add(String.format(
                    Locale.ROOT,
                    "0\t/mp/v1/inspector/pharmacies?lat=%.5f&lng=%.5f&radiusMeters=3000&limit=20",
                    lat,
                    lng));
        }
        Path nearby = Wrk.folder(work, "inspector-nearby", tokens, lines);
        Path trivial = Wrk.folder(work, "inspector-trivial", tokens, List.of("0\t/mp/v1/time"));
        Measurement baseline = wrk.measure(
                "trivial endpoint (/mp/v1/time, inspector's token)", base, "get", trivial, CLIENTS, warm, duration);
        Measurement scenario = wrk.measure(NAME, base, "get", nearby, CLIENTS, warm, duration);
        return new Report.Row(NAME, CLIENTS, scenario, baseline);
    }

    /** The demo inspector, through the fake WeChat API as the clerks sign in. */
    static String signIn(String base) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/mp/v1/auth/wechat"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"demo:demo-inspector\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Sign-in of the demo inspector: " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("accessToken").asText();
    }
}
