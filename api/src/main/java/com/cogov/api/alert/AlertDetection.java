package com.cogov.api.alert;

import com.cogov.api.job.SingleNode;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.api.statistics.DailyBuyers;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the patterns no single sale shows, on one node of many ({@link SingleNode}), incrementally and idempotently.
 * The buyer patterns (MANY_DISTRICTS, SPLIT_PURCHASES) read the registrations since their checkpoint, re-reading an
 * overlap below it (a group commit's ids can become visible out of order), and look at each of those buyers' sales
 * in the window before and after; a pattern's occurrence is raised once ({@link PatternAlerts}). PHARMACY_SURGE reads
 * today and the 28 days before from the statistics rollup ({@link DailyBuyers}), never the registration table.
 */
@Singleton
class AlertDetection {

    static final String BUYER_PATTERNS = "buyer-patterns";
    private static final Logger LOG = LoggerFactory.getLogger(AlertDetection.class);
    private static final int BUYERS_PER_READ = 200;
    private static final Duration FRESH_AT_MOST = Duration.ofDays(4);

    private final DetectionQueries queries;
    private final PatternAlerts alerts;
    private final SingleNode singleNode;
    private final AlertConfiguration config;
    private final BeanProvider<DailyBuyers> dailyBuyers;
    private final CityConfiguration city;
    private final Clock clock;

    AlertDetection(
            DetectionQueries queries,
            PatternAlerts alerts,
            SingleNode singleNode,
            AlertConfiguration config,
            BeanProvider<DailyBuyers> dailyBuyers,
            CityConfiguration city,
            Clock clock) {
        this.queries = queries;
        this.alerts = alerts;
        this.singleNode = singleNode;
        this.config = config;
        this.dailyBuyers = dailyBuyers;
        this.city = city;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${cogov.alerts.detect-every:1m}", initialDelay = "${cogov.alerts.detect-every:1m}")
    void scheduledBuyerPatterns() {
        singleNode.run("alerts.buyer-patterns", config.lease(), this::buyerPatterns);
    }

    @Scheduled(fixedDelay = "${cogov.alerts.surge-every:15m}", initialDelay = "${cogov.alerts.surge-every:15m}")
    void scheduledSurges() {
        singleNode.run("alerts.pharmacy-surge", config.lease(), this::surges);
    }

    /** One run over the registrations since the checkpoint; @return the alerts raised */
    int buyerPatterns() {
        long checkpoint = queries.checkpoint(BUYER_PATTERNS);
        List<DetectionQueries.Fresh> fresh =
                queries.registrationsAfter(Math.max(0, checkpoint - config.overlapIds()), config.batchSize());
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<String, Set<Long>> freshByBuyer = fresh.stream()
                .collect(Collectors.groupingBy(
                        DetectionQueries.Fresh::buyerIndex,
                        Collectors.mapping(DetectionQueries.Fresh::id, Collectors.toSet())));
        List<String> buyers = new ArrayList<>(freshByBuyer.keySet());
        Map<String, String> categories = queries.categoryNames();
        int raised = 0;
        for (int from = 0; from < buyers.size(); from += BUYERS_PER_READ) {
            List<String> chunk = buyers.subList(from, Math.min(buyers.size(), from + BUYERS_PER_READ));
            raised += buyerChunk(chunk, freshByBuyer, categories);
        }
        queries.advance(BUYER_PATTERNS, fresh.get(fresh.size() - 1).id());
        return raised;
    }

    private int buyerChunk(List<String> buyers, Map<String, Set<Long>> freshByBuyer, Map<String, String> categories) {
        Duration longest = config.manyDistrictsWithin().compareTo(config.splitPurchasesWithin()) > 0
                ? config.manyDistrictsWithin()
                : config.splitPurchasesWithin();
        // A fresh sale is at most the backdating limit old (72 h), so the windows it is in start after this; the sales
        // after it are read too (a window ends at them).
        Instant since = clock.instant().minus(FRESH_AT_MOST).minus(longest);
        Map<String, List<DetectionQueries.BuyerSale>> salesByBuyer = queries.salesOf(buyers, since).stream()
                .collect(Collectors.groupingBy(DetectionQueries.BuyerSale::buyerIndex));
        Map<Long, Set<String>> atLimit = queries.atLimit(salesByBuyer.values().stream()
                .flatMap(List::stream)
                .map(DetectionQueries.BuyerSale::id)
                .toList());
        int raised = 0;
        for (var entry : salesByBuyer.entrySet()) {
            Set<Long> fresh = freshByBuyer.getOrDefault(entry.getKey(), Set.of());
            raised += manyDistricts(entry.getValue(), fresh);
            raised += splitPurchases(entry.getValue(), fresh, atLimit, categories);
        }
        return raised;
    }

    private int manyDistricts(List<DetectionQueries.BuyerSale> sales, Set<Long> fresh) {
        Map<Long, DetectionQueries.BuyerSale> byId =
                sales.stream().collect(Collectors.toMap(DetectionQueries.BuyerSale::id, s -> s));
        List<BuyerWindows.Sale> marked = sales.stream()
                .map(s -> new BuyerWindows.Sale(s.id(), s.soldAt(), s.districtCode()))
                .toList();
        int raised = 0;
        for (BuyerWindows.Window w :
                BuyerWindows.qualifying(marked, fresh, config.manyDistrictsWithin(), config.manyDistricts())) {
            DetectionQueries.BuyerSale end = byId.get(w.end().id());
            String districts = w.sales().stream()
                    .map(BuyerWindows.Sale::mark)
                    .distinct()
                    .sorted()
                    .collect(Collectors.joining("、"));
            raised += raise(new PatternAlerts.Occurrence(
                    "MANY_DISTRICTS",
                    end.buyerIndex(),
                    String.valueOf(end.id()),
                    end.districtCode(),
                    end.pharmacyId(),
                    end,
                    null,
                    "同一购买人" + days(config.manyDistrictsWithin()) + "内在" + w.marks() + "个行政区购药（" + districts + "）",
                    w.start(config.manyDistrictsWithin()),
                    end.soldAt(),
                    w.sales().stream().map(BuyerWindows.Sale::id).toList()));
        }
        return raised;
    }

    private int splitPurchases(
            List<DetectionQueries.BuyerSale> sales,
            Set<Long> fresh,
            Map<Long, Set<String>> atLimit,
            Map<String, String> categories) {
        int raised = 0;
        Map<String, List<DetectionQueries.BuyerSale>> byCategory = new TreeMap<>();
        for (DetectionQueries.BuyerSale s : sales) {
            atLimit.getOrDefault(s.id(), Set.of())
                    .forEach(c -> byCategory
                            .computeIfAbsent(c, k -> new ArrayList<>())
                            .add(s));
        }
        for (var entry : byCategory.entrySet()) {
            String category = entry.getKey();
            List<DetectionQueries.BuyerSale> limited = entry.getValue();
            Map<Long, DetectionQueries.BuyerSale> byId =
                    limited.stream().collect(Collectors.toMap(DetectionQueries.BuyerSale::id, s -> s));
            List<BuyerWindows.Sale> marked = limited.stream()
                    .map(s -> new BuyerWindows.Sale(s.id(), s.soldAt(), String.valueOf(s.id())))
                    .toList();
            for (BuyerWindows.Window w :
                    BuyerWindows.qualifying(marked, fresh, config.splitPurchasesWithin(), config.splitPurchases())) {
                DetectionQueries.BuyerSale end = byId.get(w.end().id());
                raised += raise(new PatternAlerts.Occurrence(
                        "SPLIT_PURCHASES",
                        end.buyerIndex() + ":" + category,
                        String.valueOf(end.id()),
                        end.districtCode(),
                        end.pharmacyId(),
                        end,
                        category,
                        "同一购买人" + hours(config.splitPurchasesWithin()) + "内" + w.marks() + "次按单次限购上限购买"
                                + categories.getOrDefault(category, category),
                        w.start(config.splitPurchasesWithin()),
                        end.soldAt(),
                        w.sales().stream().map(BuyerWindows.Sale::id).toList()));
            }
        }
        return raised;
    }

    /** Today's surges, checked against the rollup; @return the alerts raised (none when there is no rollup) */
    int surges() {
        if (!dailyBuyers.isPresent()) {
            LOG.debug("PHARMACY_SURGE skipped: no statistics rollup (DailyBuyers) in this build");
            return 0;
        }
        LocalDate today = city.today(clock);
        List<DailyBuyers.PharmacyDay> days =
                dailyBuyers.get().between(today.minusDays(config.surgeBaselineDays()), today, null);
        Map<String, String> categories = queries.categoryNames();
        int raised = 0;
        for (SurgeRule.Surge s : SurgeRule.find(
                days, today, config.surgeBaselineDays(), config.surgeFactor(), config.surgeMinimumBuyers())) {
            raised += raise(new PatternAlerts.Occurrence(
                    "PHARMACY_SURGE",
                    s.pharmacyId() + ":" + s.category(),
                    today.toString(),
                    s.districtCode(),
                    s.pharmacyId(),
                    null,
                    s.category(),
                    categories.getOrDefault(s.category(), s.category()) + "今日购买人数" + s.today() + "，本店"
                            + config.surgeBaselineDays() + "天日中位数" + format(s.ownMedian()) + "，本区其他药店中位数"
                            + format(s.districtMedian()),
                    city.startOfDay(today),
                    clock.instant(),
                    List.of()));
        }
        return raised;
    }

    private int raise(PatternAlerts.Occurrence occurrence) {
        return alerts.raise(occurrence) ? 1 : 0;
    }

    private static String days(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + "天" : d.toHours() + "小时";
    }

    private static String hours(Duration d) {
        return d.toHours() + "小时";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
