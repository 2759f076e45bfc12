package com.cogov.api.catalog;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A drug's fields that cannot be stored (400 VALIDATION_FAILED): each in {@link #fieldErrors()} by its field name
 * ({@code approvalNumber}, {@code barcodes[1]}, ...) with a Chinese message; the detail joins them all, so an imported
 * row's reason column says everything wrong with the row at once.
 */
public final class DrugDraftInvalidException extends CogovException {

    private DrugDraftInvalidException(List<FieldError> errors) {
        super(
                ErrorCode.VALIDATION_FAILED,
                errors.stream().map(FieldError::message).collect(Collectors.joining("；")),
                errors);
    }

    static DrugDraftInvalidException of(List<FieldError> errors) {
        return new DrugDraftInvalidException(errors);
    }

    static DrugDraftInvalidException field(String field, String message) {
        return new DrugDraftInvalidException(List.of(new FieldError(field, message)));
    }
}
