package com.cogov.contracts.catalog;

/**
 * A drug's place in the catalog. A drug that a sale may name is never deleted: it is retired, no longer resolves for
 * new sales (neither by barcode nor by id), and still shows in the sales that named it.
 */
public enum DrugStatus {
    ACTIVE,
    RETIRED
}
