package com.cogov.api.catalog;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A valid code that no drug in the catalog carries (yet). */
public final class DrugNotFoundException extends CogovException {

    private DrugNotFoundException(String detail) {
        super(ErrorCode.DRUG_NOT_FOUND, detail);
    }

    public static DrugNotFoundException forId(long id) {
        return new DrugNotFoundException("药品目录中没有编号为 " + id + " 的药品");
    }

    /** A retired drug: it shows in the sales that named it, but a new sale may not. */
    public static DrugNotFoundException retired(long id) {
        return new DrugNotFoundException("药品（编号 " + id + "）已从药品目录停用，不能再登记销售");
    }

    public static DrugNotFoundException forBarcode(String code) {
        return new DrugNotFoundException("药品目录中没有条码为 " + code + " 的药品");
    }
}
