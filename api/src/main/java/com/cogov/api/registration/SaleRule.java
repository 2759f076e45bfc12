package com.cogov.api.registration;

import java.util.List;

/** One rule of docs/domain-rules.md §1, as a small named unit. */
interface SaleRule {

    List<Finding> check(Sale sale, Policies policies);
}
