package com.cogov.api.buyer;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A buyer's name that cannot be recorded as typed. The detail never repeats the name. */
public final class InvalidBuyerNameException extends CogovException {

    public static final String FIELD = "buyer.name";

    private InvalidBuyerNameException(String detail) {
        super(ErrorCode.BUYER_NAME_INVALID, detail, List.of(new Problem.FieldError(FIELD, detail)));
    }

    static InvalidBuyerNameException because(String detail) {
        return new InvalidBuyerNameException(detail);
    }
}
