package com.cogov.api.catalog;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem.FieldError;
import java.util.List;

/** A barcode that belongs to another drug (409): a barcode resolves to one drug at most. */
public final class BarcodeTakenException extends CogovException {

    private final long ownerId;

    BarcodeTakenException(String barcode, long ownerId, String ownerName) {
        super(
                ErrorCode.BARCODE_TAKEN,
                message(barcode, ownerId, ownerName),
                List.of(new FieldError("barcodes", message(barcode, ownerId, ownerName))));
        this.ownerId = ownerId;
    }

    /** The drug that has the barcode. */
    public long ownerId() {
        return ownerId;
    }

    private static String message(String barcode, long ownerId, String ownerName) {
        return "条码 " + barcode + " 已属于药品 " + ownerName + "（编号 " + ownerId + "），一个条码只能对应一个药品；如需转移，请先从该药品上移除";
    }
}
