package com.cogov.api.catalog;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem.FieldError;
import java.util.List;

/** A list parameter out of its range, or a request whose fields do not fit together (400), naming the field. */
public final class CatalogRequestInvalidException extends CogovException {

    private CatalogRequestInvalidException(ErrorCode code, String field, String detail) {
        super(code, detail, List.of(new FieldError(field, detail)));
    }

    static CatalogRequestInvalidException parameter(String parameter, String detail) {
        return new CatalogRequestInvalidException(ErrorCode.QUERY_PARAMETER_INVALID, parameter, detail);
    }

    static CatalogRequestInvalidException field(String field, String detail) {
        return new CatalogRequestInvalidException(ErrorCode.VALIDATION_FAILED, field, detail);
    }
}
