package com.cogov.api.publicsearch;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A public search parameter that is malformed or out of range (400), naming the parameter. */
public final class PublicSearchInvalidException extends CogovException {

    static final int MAX_QUERY = 50;

    private PublicSearchInvalidException(ErrorCode code, String parameter, String detail) {
        super(code, detail, List.of(new Problem.FieldError(parameter, detail)));
    }

    static PublicSearchInvalidException radius(int max) {
        return new PublicSearchInvalidException(
                ErrorCode.SEARCH_RADIUS_INVALID, "radiusMeters", "搜索半径 radiusMeters 须在1到" + max + "米之间");
    }

    static PublicSearchInvalidException location(String parameter) {
        return new PublicSearchInvalidException(
                ErrorCode.LOCATION_INVALID, parameter, ErrorCode.LOCATION_INVALID.title());
    }

    static PublicSearchInvalidException locationIncomplete(String missing) {
        return new PublicSearchInvalidException(
                ErrorCode.LOCATION_INCOMPLETE, missing, "纬度 lat 和经度 lng 须同时给出（按距离搜索时也须给出两者）");
    }

    static PublicSearchInvalidException textTooLong() {
        return new PublicSearchInvalidException(ErrorCode.SEARCH_TEXT_TOO_LONG, "q", "搜索文字 q 不超过" + MAX_QUERY + "个字");
    }

    static PublicSearchInvalidException district() {
        return new PublicSearchInvalidException(
                ErrorCode.DISTRICT_UNKNOWN, "districtCode", ErrorCode.DISTRICT_UNKNOWN.title());
    }

    static PublicSearchInvalidException category() {
        return new PublicSearchInvalidException(
                ErrorCode.DRUG_CATEGORY_UNKNOWN, "category", ErrorCode.DRUG_CATEGORY_UNKNOWN.title());
    }

    static PublicSearchInvalidException parameter(String parameter, String detail) {
        return new PublicSearchInvalidException(ErrorCode.SEARCH_PARAMETER_INVALID, parameter, detail);
    }
}
