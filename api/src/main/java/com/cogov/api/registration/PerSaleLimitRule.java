package com.cogov.api.registration;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * At most N smallest packages per sale without a prescription (2 for ephedrine compounds, from the drug or its
 * category), counted over all items of the category in the sale; a prescribed item follows its prescription instead.
 */
@Singleton
class PerSaleLimitRule implements SaleRule {

    @Override
    public List<Finding> check(Sale sale, Policies policies) {
        List<Finding> findings = new ArrayList<>();
        sale.lines().stream()
                .filter(l -> l.prescribedQuantity() == null || !sale.hasPrescription())
                .filter(l -> l.drug().perSaleLimit() != null)
                .collect(java.util.stream.Collectors.groupingBy(SaleLine::category))
                .forEach((category, lines) -> {
                    int limit = lines.stream()
                            .mapToInt(l -> l.drug().perSaleLimit())
                            .min()
                            .orElseThrow();
                    int packages = lines.stream().mapToInt(SaleLine::quantity).sum();
                    if (packages > limit) {
                        findings.add(Finding.block(
                                "PER_SALE_LIMIT",
                                lines.get(0).drug().categoryName() + "每次销售不得超过" + limit + "个最小包装（本次" + packages + "个）",
                                category,
                                "items[" + lines.get(0).index() + "].quantity"));
                    }
                });
        return findings;
    }
}
