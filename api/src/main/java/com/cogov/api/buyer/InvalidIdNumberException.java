package com.cogov.api.buyer;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/**
 * A typed document number that cannot be right. The detail says which rule failed so the clerk knows what to check;
 * it never repeats the number (or the birth date read from it).
 */
public final class InvalidIdNumberException extends CogovException {

    /** Where the number sits in a registration request, so the mini-program can mark the field. */
    public static final String FIELD = "buyer.documentNumber";

    public static final String TYPE_FIELD = "buyer.documentType";

    private InvalidIdNumberException(String field, String detail) {
        super(ErrorCode.ID_NUMBER_INVALID, detail, List.of(new Problem.FieldError(field, detail)));
    }

    static InvalidIdNumberException because(String detail) {
        return new InvalidIdNumberException(FIELD, detail);
    }

    static InvalidIdNumberException noDocumentType() {
        return new InvalidIdNumberException(TYPE_FIELD, "请选择证件类型");
    }
}
