package com.cogov.api.catalog;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.catalog.DrugStatus;
import com.cogov.contracts.error.ErrorCode;

/** A well-formed change of a drug that the catalog's rules refuse (409), or a barcode it does not carry (404). */
public final class DrugChangeRefusedException extends CogovException {

    private DrugChangeRefusedException(ErrorCode code, String detail) {
        super(code, detail);
    }

    static DrugChangeRefusedException exists(long id) {
        return new DrugChangeRefusedException(
                ErrorCode.DRUG_ALREADY_EXISTS, "药品目录中已有批准文号、规格和最小包装单位都相同的药品（编号 " + id + "），请直接修改该药品");
    }

    static DrugChangeRefusedException retired(long id) {
        return new DrugChangeRefusedException(ErrorCode.DRUG_RETIRED, "药品（编号 " + id + "）已停用，请先恢复启用再添加条码");
    }

    static DrugChangeRefusedException sameStatus(DrugStatus status) {
        return new DrugChangeRefusedException(
                ErrorCode.DRUG_STATUS_TRANSITION_INVALID, status == DrugStatus.RETIRED ? "药品已停用" : "药品已是启用状态");
    }

    static DrugChangeRefusedException notOnDrug(String barcode, long id) {
        return new DrugChangeRefusedException(ErrorCode.BARCODE_NOT_ON_DRUG, "药品（编号 " + id + "）没有条码 " + barcode);
    }

    static DrugChangeRefusedException otherProductIdentifier(long id, String productIdentifier) {
        return new DrugChangeRefusedException(
                ErrorCode.BARCODE_TAKEN, "药品（编号 " + id + "）的追溯码已以产品标识码 " + productIdentifier + " 开头，一个药品只能有一个产品标识码");
    }
}
