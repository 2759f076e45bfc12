package com.cogov.api.registration;

import jakarta.inject.Singleton;
import java.util.List;

/** A traceability code identifies one sales package: seen in an earlier sale, this package was sold before (回流). */
@Singleton
class ResaleRule implements SaleRule {

    @Override
    public List<Finding> check(Sale sale, Policies policies) {
        return sale.resoldTraceCodes().stream()
                .map(code -> new Finding(
                        "TRACE_CODE_RESOLD",
                        Finding.Severity.WARN,
                        "追溯码 " + code + " 已在此前的销售中登记，疑似回流药品",
                        null,
                        null,
                        code))
                .toList();
    }
}
