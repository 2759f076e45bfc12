package com.cogov.api.registration;

import com.cogov.api.buyer.BuyerService;
import com.cogov.api.buyer.VerifiedBuyer;
import com.cogov.api.catalog.CatalogService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.registration.RegistrationRequest;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request made into a {@link Sale} the rules can judge: the sale time within bounds, the buyer verified, each drug
 * found in the catalog and its trace codes checked, and what the buyer bought before (Redis first, then one read of
 * the database for what Redis does not hold); then the rules' findings.
 */
@Singleton
class SaleEvaluation {

    private final BuyerService buyers;
    private final CatalogService catalog;
    private final Velocity velocity;
    private final PurchaseHistory history;
    private final List<SaleRule> rules;
    private final Policies policies;
    private final RegistrationConfiguration config;
    private final CityConfiguration city;
    private final Clock clock;

    SaleEvaluation(
            BuyerService buyers,
            CatalogService catalog,
            Velocity velocity,
            PurchaseHistory history,
            List<SaleRule> rules,
            Policies policies,
            RegistrationConfiguration config,
            CityConfiguration city,
            Clock clock) {
        this.buyers = buyers;
        this.catalog = catalog;
        this.velocity = velocity;
        this.history = history;
        this.rules = rules;
        this.policies = policies;
        this.config = config;
        this.city = city;
        this.clock = clock;
    }

    /** @throws CogovException when the request cannot be a sale (time, buyer, a drug, a trace code) */
    Sale evaluate(Actor clerk, RegistrationRequest request) {
        Instant now = clock.instant();
        Instant soldAt = request.soldAt().toInstant();
        if (soldAt.isAfter(now.plus(config.maxClockAhead())) || soldAt.isBefore(now.minus(config.maxBackdating()))) {
            throw RegistrationException.field(
                    ErrorCode.SOLD_AT_OUT_OF_RANGE,
                    "soldAt",
                    "销售时间须在过去" + config.maxBackdating().toHours() + "小时内，且不晚于当前时间");
        }
        SealedBuyer buyer = buyer(clerk, request.buyer());
        List<SaleLine> lines = new ArrayList<>();
        Set<String> traceCodes = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            RegistrationRequest.Item item = request.items().get(i);
            DrugView drug = drug(i, item);
            List<String> codes = item.traceCodes() == null ? List.of() : item.traceCodes();
            for (int j = 0; j < codes.size(); j++) {
                String code = codes.get(j);
                String field = "items[" + i + "].traceCodes[" + j + "]";
                if (!traceCodes.add(code)) {
                    throw RegistrationException.field(ErrorCode.VALIDATION_FAILED, field, "同一追溯码在本次登记中重复出现");
                }
                if (drug.productIdentifier() != null && !code.startsWith(drug.productIdentifier())) {
                    throw RegistrationException.field(
                            ErrorCode.VALIDATION_FAILED, field, "追溯码与药品" + drug.name() + "不符，请核对");
                }
            }
            if (codes.size() > item.quantity()) {
                throw RegistrationException.field(
                        ErrorCode.VALIDATION_FAILED, "items[" + i + "].traceCodes", "追溯码数量不能多于销售数量");
            }
            lines.add(SaleLine.of(i, drug, item));
        }
        // What the buyer bought before and where the trace codes were sold before: Redis first, then one read of the
        // database for what Redis does not hold.
        Set<String> categories =
                lines.stream().map(SaleLine::category).collect(Collectors.toCollection(LinkedHashSet::new));
        Velocity.Cached cached = velocity.cached(buyer.numberIndex(), categories, soldAt);
        PurchaseHistory.Earlier earlier =
                history.earlier(buyer.numberIndex(), cached.missing(), Velocity.readSince(soldAt, now), traceCodes);
        return new Sale(
                buyer,
                soldAt,
                city.dayOf(soldAt),
                lines,
                request.prescription() != null,
                cached.windows(earlier.purchases(), soldAt, clerk.pharmacyId()),
                earlier.seenTraceCodes());
    }

    /** What every rule says about the sale: warnings and blocks. */
    List<Finding> findings(Sale sale) {
        return rules.stream().flatMap(r -> r.check(sale, policies).stream()).toList();
    }

    private SealedBuyer buyer(Actor clerk, RegistrationRequest.Buyer buyer) {
        if (buyer.identityRef() != null && !buyer.identityRef().isBlank()) {
            return sealed(buyers.fromReference(clerk, buyer.identityRef()));
        }
        List<Problem.FieldError> missing = new ArrayList<>();
        if (buyer.documentType() == null) {
            missing.add(new Problem.FieldError("buyer.documentType", "请选择证件类型"));
        }
        if (buyer.documentNumber() == null || buyer.documentNumber().isBlank()) {
            missing.add(new Problem.FieldError("buyer.documentNumber", "请填写证件号码或扫描证件"));
        }
        if (buyer.name() == null || buyer.name().isBlank()) {
            missing.add(new Problem.FieldError("buyer.name", "请填写购买人姓名"));
        }
        if (!missing.isEmpty()) {
            throw new CogovException(ErrorCode.VALIDATION_FAILED, "请扫描购买人证件，或填写证件类型、号码和姓名", missing);
        }
        return sealed(buyers.verify(buyer.documentType(), buyer.documentNumber(), buyer.name()));
    }

    /** What registration keeps of the buyer feature's answer: the sealed values and index, never the masked ones. */
    private static SealedBuyer sealed(VerifiedBuyer buyer) {
        return new SealedBuyer(
                buyer.documentType(),
                buyer.numberSealed(),
                buyer.numberIndex(),
                buyer.nameSealed(),
                buyer.birthDate(),
                buyer.sex());
    }

    private DrugView drug(int index, RegistrationRequest.Item item) {
        String field = "items[" + index + "]";
        if ((item.barcode() == null) == (item.drugId() == null)) {
            throw RegistrationException.field(ErrorCode.VALIDATION_FAILED, field + ".barcode", "每项药品须且只须填写条码或药品编号之一");
        }
        DrugView drug;
        try {
            drug = item.barcode() != null
                    ? catalog.findByCode(item.barcode())
                    : catalog.findSellableById(item.drugId());
        } catch (CogovException e) {
            throw new CogovException(
                    e.code(),
                    "第" + (index + 1) + "项：" + e.getMessage(),
                    List.of(new Problem.FieldError(
                            field + (item.barcode() != null ? ".barcode" : ".drugId"), e.getMessage())));
        }
        if (drug.specialCategory() == null) {
            throw RegistrationException.field(ErrorCode.NOT_A_SPECIAL_DRUG, field, drug.name() + "不属于含特殊药品复方制剂，无需登记");
        }
        return drug;
    }
}
