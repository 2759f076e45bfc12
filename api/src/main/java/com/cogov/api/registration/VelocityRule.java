package com.cogov.api.registration;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * City-wide "smurfing" detection: the same buyer's packages of a category over rolling 24 h and 7 d, and the
 * number of distinct pharmacies in 7 d, this sale included. Limits and WARN/BLOCK are policy per category.
 */
@Singleton
class VelocityRule implements SaleRule {

    @Override
    public List<Finding> check(Sale sale, Policies policies) {
        List<Finding> findings = new ArrayList<>();
        sale.packagesByCategory().forEach((category, packages) -> {
            CategoryPolicy policy = policies.of(category);
            if (policy.velocity() == CategoryPolicy.Mode.OFF) {
                return;
            }
            Velocity.Window before = sale.history().getOrDefault(category, Velocity.Window.EMPTY);
            if (before.packages24h() + packages > policy.maxPackages24h()) {
                findings.add(Finding.of(
                        policy.velocity(),
                        "VELOCITY_24H",
                        "该购买人24小时内在全市已购" + (before.packages24h() + packages) + "个最小包装，超过" + policy.maxPackages24h()
                                + "个",
                        category));
            }
            if (before.packages7d() + packages > policy.maxPackages7d()) {
                findings.add(Finding.of(
                        policy.velocity(),
                        "VELOCITY_7D",
                        "该购买人7天内在全市已购" + (before.packages7d() + packages) + "个最小包装，超过" + policy.maxPackages7d() + "个",
                        category));
            }
            if (before.pharmacies7d() > policy.maxPharmacies7d()) {
                findings.add(Finding.of(
                        policy.velocity(),
                        "VELOCITY_PHARMACIES",
                        "该购买人7天内在" + before.pharmacies7d() + "家药店购买，超过" + policy.maxPharmacies7d() + "家",
                        category));
            }
        });
        return findings;
    }
}
