package com.cogov.api.registration;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Prescription-only items and Category II psychotropics need a prescription, and no more than it prescribes. */
@Singleton
class PrescriptionRule implements SaleRule {

    @Override
    public List<Finding> check(Sale sale, Policies policies) {
        List<Finding> findings = new ArrayList<>();
        for (SaleLine line : sale.lines()) {
            if (!line.drug().prescriptionRequired()) {
                continue;
            }
            String field = "items[" + line.index() + "]";
            Integer prescribed = line.prescribedQuantity();
            if (!sale.hasPrescription() || prescribed == null) {
                findings.add(Finding.block(
                        "PRESCRIPTION_REQUIRED",
                        line.drug().name() + "须凭处方销售，请填写处方信息和处方量",
                        line.category(),
                        field + ".prescribedQuantity"));
            } else if (line.quantity() > prescribed) {
                findings.add(Finding.block(
                        "PRESCRIBED_QUANTITY_EXCEEDED",
                        line.drug().name() + "销售数量超过处方量 " + prescribed,
                        line.category(),
                        field + ".quantity"));
            }
        }
        return findings;
    }
}
