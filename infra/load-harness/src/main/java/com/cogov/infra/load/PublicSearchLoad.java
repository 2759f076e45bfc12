package com.cogov.infra.load;

import com.cogov.infra.dev.DemoData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The citizen's searches (docs/public-search.md), at 64 clients, beside the trivial endpoint at 64 in the same run:
 * <ul>
 *   <li>{@code public nearby}: {@code GET /mp/v1/public/pharmacies?lat=&lng=&radiusMeters=2000&limit=20} from random
 *       points of the city (within about 3 km of a random district's centre): Redis GEO over the whole city's
 *       pharmacies, then this node's copy of the trading pharmacies;</li>
 *   <li>{@code public drug search}: {@code GET /mp/v1/public/drugs?q=<pinyin initials>&limit=20} over the demo
 *       catalog's names (the dataset's 10,000 extra drugs are in the index too): the search-text piece's index, then
 *       this node's copy of the catalog.</li>
 * </ul>
 * Target (issue 20): each ≥ 0.5 × the trivial endpoint. The public limit per address is lifted for the run (wrk sends
 * everything from one address).
 */
final class PublicSearchLoad {

    static final String NEARBY = "public nearby";
    static final String DRUGS = "public drug search";
    private static final int CLIENTS = 64;

    /** Pinyin initials of the demo catalog's drugs: 新康泰克, 泰诺, 白加黑, 右美沙芬…, 连花清瘟, 感冒灵颗粒, … */
    private static final List<String> INITIALS = List.of(
            "xktk", "tn", "bjh", "lbsfs", "blwmp", "ymsf", "fflsk", "amxl", "blf", "dyxajf", "mtss", "lltd", "blgkl",
            "lhqw", "hxzqs", "jwxsp", "gmlkl", "xchkl", "lwdhw", "ksl", "ymsfp", "ffgc", "kytj", "ynby");

    private PublicSearchLoad() {}

    static List<Report.Row> measure(
            Wrk wrk,
            String base,
            Path work,
            Duration warm,
            Duration duration,
            Random random,
            boolean nearby,
            boolean drugs)
            throws Exception {
        List<String> tokens = List.of(InspectorLookup.signIn(base));
        Path trivial = Wrk.folder(work, "public-trivial", tokens, List.of("0\t/mp/v1/time"));
        Measurement baseline =
                wrk.measure("trivial endpoint (/mp/v1/time)", base, "get", trivial, CLIENTS, warm, duration);
        List<Report.Row> rows = new ArrayList<>();
        if (nearby) {
            List<String> districts = DemoData.districtCodes();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                double[] centre = DemoData.centre(districts.get(random.nextInt(districts.size())));
                lines.add(String.format(
                        Locale.ROOT,
                        "0\t/mp/v1/public/pharmacies?lat=%.5f&lng=%.5f&radiusMeters=2000&limit=20",
                        centre[0] + (random.nextDouble() - 0.5) * 0.06,
                        centre[1] + (random.nextDouble() - 0.5) * 0.06));
            }
            Path folder = Wrk.folder(work, "public-nearby", tokens, lines);
            rows.add(new Report.Row(
                    NEARBY, CLIENTS, wrk.measure(NEARBY, base, "get", folder, CLIENTS, warm, duration), baseline));
        }
        if (drugs) {
            List<String> lines = new ArrayList<>();
            for (String q : INITIALS) {
                lines.add("0\t/mp/v1/public/drugs?q=" + q + "&limit=20");
            }
            Path folder = Wrk.folder(work, "public-drugs", tokens, lines);
            rows.add(new Report.Row(
                    DRUGS, CLIENTS, wrk.measure(DRUGS, base, "get", folder, CLIENTS, warm, duration), baseline));
        }
        return rows;
    }
}
