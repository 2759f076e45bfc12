package com.cogov.api.statistics;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A statistics request (or a STATISTICS export's filter) that cannot be answered as asked. */
public final class StatisticsQueryException extends CogovException {

    private StatisticsQueryException(ErrorCode code, String detail, String field) {
        super(code, detail, List.of(new Problem.FieldError(field, detail)));
    }

    static StatisticsQueryException invalid(String field, String detail) {
        return new StatisticsQueryException(ErrorCode.QUERY_PARAMETER_INVALID, detail, field);
    }

    static StatisticsQueryException span(String detail) {
        return new StatisticsQueryException(ErrorCode.TIME_SPAN_INVALID, detail, "to");
    }

    /** An unknown district, or one outside the inspector's own: the same answer, so neither is revealed. */
    static StatisticsQueryException districtNotFound() {
        return new StatisticsQueryException(ErrorCode.DISTRICT_NOT_FOUND, "未找到该行政区，或不在您的管辖范围内", "districtCode");
    }
}
