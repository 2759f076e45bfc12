package com.cogov.api.buyer;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/**
 * An identity reference that is unknown, expired or was issued to another pharmacy. The three are answered alike, so a
 * reference from elsewhere reveals nothing about whether it exists.
 */
public final class IdentityRefInvalidException extends CogovException {

    public static final String FIELD = "buyer.identityRef";
    private static final String DETAIL = "身份信息已过期，请重新扫描证件";

    IdentityRefInvalidException() {
        super(ErrorCode.IDENTITY_REF_INVALID, DETAIL, List.of(new Problem.FieldError(FIELD, DETAIL)));
    }
}
