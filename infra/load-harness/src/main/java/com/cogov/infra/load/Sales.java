package com.cogov.infra.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The registration scenario's sales, as a clerk's mini-program sends them: the drug by its scanned barcode, mixed
 * categories in the city's proportions, prescriptions where the category needs one, traceability codes on half the
 * items. One in twenty is a 15-year-old buying an ephedrine compound, which the minors rule flags (a warning, so still
 * 201). Every sale has a buyer of its own, so that a sale written twice shows up as a buyer with two rows.
 */
final class Sales {

    static final String SOLD_AT = "@SOLD_AT@"; // the Lua script puts the time of sending here

    private Sales() {}

    /** Lines {@code from} (inclusive) to {@code to} of the run: "<clerk index>\t<JSON body>". */
    static List<String> lines(Dataset.Loaded dataset, int clerks, int runSeed, int from, int to) {
        Random random = new Random(runSeed * 31L + from);
        LocalDate today = LocalDate.now(Dataset.CHINA);
        List<Dataset.Drug> ephedrine = of(dataset, "EPHEDRINE_COMPOUND");
        List<Dataset.Drug> others = dataset.specialDrugs().stream()
                .filter(d -> !d.category().equals("EPHEDRINE_COMPOUND"))
                .toList();
        List<String> lines = new ArrayList<>(to - from);
        for (int j = from; j < to; j++) {
            boolean minor = j % 20 == 7;
            Dataset.Drug drug = minor || random.nextDouble() < 0.75 ? pick(ephedrine, random) : pick(others, random);
            // Disjoint per run seed, and from every historical buyer (born before 2000).
            long buyer = (long) runSeed * 1_000_003L % 38_000_000L + j;
            String number = minor ? Population.minorNumber(runSeed + j / 20, today) : Population.runNumber(buyer);
            String trace = random.nextBoolean()
                    ? "[\"" + drug.productIdentifier() + "9" + String.format("%06d%06d", runSeed, j % 1_000_000) + "\"]"
                    : "[]";
            String prescription = drug.prescriptionOnly()
                    ? "{\"number\":\"CF" + runSeed + "-" + j + "\",\"prescriber\":\"张医生\",\"institution\":\"武汉市第一医院\"}"
                    : "null";
            String body = "{\"buyer\":{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\"" + number
                    + "\",\"name\":\""
                    + Population.name(buyer) + "\"},\"items\":[{\"barcode\":\"" + drug.barcode() + "\",\"quantity\":"
                    + (drug.prescriptionOnly() ? 1 : 1 + random.nextInt(2)) + ",\"batchNumber\":\"B"
                    + (20260000 + random.nextInt(1000))
                    + "\",\"traceCodes\":" + trace + ",\"prescribedQuantity\":"
                    + (drug.prescriptionOnly() ? "2" : "null")
                    + "}],\"prescription\":" + prescription + ",\"soldAt\":\"" + SOLD_AT + "\"}";
            lines.add(j % clerks + "\t" + body);
        }
        return lines;
    }

    private static List<Dataset.Drug> of(Dataset.Loaded dataset, String category) {
        return dataset.specialDrugs().stream()
                .filter(d -> d.category().equals(category))
                .toList();
    }

    private static Dataset.Drug pick(List<Dataset.Drug> drugs, Random random) {
        return drugs.get(random.nextInt(drugs.size()));
    }
}
