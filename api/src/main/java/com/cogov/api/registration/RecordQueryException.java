package com.cogov.api.registration;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A regulator's record query (or export of one) that cannot be answered as asked: a malformed or out-of-range filter
 * (400, naming the parameter), or a district, pharmacy or registration outside the caller's scope (404, as if it did
 * not exist: an inspector learns nothing of other districts).
 */
public final class RecordQueryException extends CogovException {

    private RecordQueryException(ErrorCode code, String detail, @Nullable String field) {
        super(code, detail, field == null ? List.of() : List.of(new Problem.FieldError(field, detail)));
    }

    static RecordQueryException invalid(String field, String detail) {
        return new RecordQueryException(ErrorCode.QUERY_PARAMETER_INVALID, detail, field);
    }

    static RecordQueryException reasonRequired() {
        return new RecordQueryException(ErrorCode.REASON_REQUIRED, "按证件号码查询须在 reason 中填写查询事由（如案件编号）", "reason");
    }

    static RecordQueryException districtNotFound() {
        return new RecordQueryException(ErrorCode.DISTRICT_NOT_FOUND, "未找到该行政区，或不在您的监管范围内", "districtCode");
    }

    static RecordQueryException pharmacyNotFound() {
        return new RecordQueryException(ErrorCode.PHARMACY_NOT_FOUND, "未找到该药店，或不在您的监管范围内", "pharmacyId");
    }

    static RecordQueryException registrationNotFound() {
        return new RecordQueryException(
                ErrorCode.REGISTRATION_NOT_FOUND, "未找到该登记，或不在您的监管范围内；请核对登记编号（DJ 加 18 位数字）", null);
    }
}
