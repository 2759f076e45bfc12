package com.cogov.api.pharmacy;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A change of the administrative divisions that a rule refuses (409), or a code that cannot be the city's (400). */
public final class DistrictChangeRefusedException extends CogovException {

    private DistrictChangeRefusedException(ErrorCode code, String detail, String field) {
        super(code, detail, List.of(new Problem.FieldError(field, detail)));
    }

    static DistrictChangeRefusedException codeTaken(String code) {
        return new DistrictChangeRefusedException(
                ErrorCode.DISTRICT_CODE_TAKEN, "行政区划代码 " + code + " 已存在（撤销的代码也不再使用）", "code");
    }

    static DistrictChangeRefusedException notInCity(String code, String city) {
        return new DistrictChangeRefusedException(
                ErrorCode.VALIDATION_FAILED,
                "行政区划代码 " + code + " 不属于本市：须以 " + city.substring(0, 4) + " 开头，且不是市本级代码",
                "code");
    }

    static DistrictChangeRefusedException retired(String code) {
        return new DistrictChangeRefusedException(
                ErrorCode.DISTRICT_RETIRED, "行政区 " + code + " 已撤销，撤销不可恢复；如需恢复请新增行政区", "retired");
    }

    static DistrictChangeRefusedException hasPharmacies(String code, long pharmacies) {
        return new DistrictChangeRefusedException(
                ErrorCode.DISTRICT_HAS_PHARMACIES,
                "行政区 " + code + " 仍有 " + pharmacies + " 家药店（营业或暂停），请先调动到其他行政区再撤销",
                "retired");
    }

    static DistrictChangeRefusedException nothingToChange() {
        return new DistrictChangeRefusedException(ErrorCode.VALIDATION_FAILED, "请填写新名称或 retired: true", "name");
    }
}
