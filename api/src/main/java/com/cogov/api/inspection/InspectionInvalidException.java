package com.cogov.api.inspection;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** An inspection or a query that is incomplete or out of range (400), naming the field to correct. */
public final class InspectionInvalidException extends CogovException {

    private InspectionInvalidException(ErrorCode code, String field, String detail) {
        super(code, detail, List.of(new Problem.FieldError(field, detail)));
    }

    static InspectionInvalidException unanswered(List<String> labels) {
        return new InspectionInvalidException(
                ErrorCode.CHECKLIST_INCOMPLETE, "checklist", "以下检查项未填写：" + String.join("、", labels));
    }

    static InspectionInvalidException unknownItem(String code) {
        String shown = code.length() > 32 ? code.substring(0, 32) + "…" : code;
        return new InspectionInvalidException(
                ErrorCode.CHECKLIST_ITEM_UNKNOWN, "checklist", "检查项 " + shown + " 不在当前检查表中，或重复填写，请刷新检查表后重新填写");
    }

    static InspectionInvalidException problemUnexplained(String label) {
        return new InspectionInvalidException(
                ErrorCode.CHECKLIST_PROBLEM_UNEXPLAINED, "checklist", "检查项“" + label + "”发现问题，请填写说明或附上照片");
    }

    static InspectionInvalidException rectifyByMissing() {
        return new InspectionInvalidException(ErrorCode.RECTIFY_BY_INVALID, "rectifyBy", "责令整改须填写整改期限 rectifyBy");
    }

    static InspectionInvalidException rectifyByPast() {
        return new InspectionInvalidException(ErrorCode.RECTIFY_BY_INVALID, "rectifyBy", "整改期限不能早于今天");
    }

    static InspectionInvalidException rectifyByTooFar() {
        return new InspectionInvalidException(ErrorCode.RECTIFY_BY_INVALID, "rectifyBy", "整改期限不能超过一年");
    }

    static InspectionInvalidException caseNumberMissing() {
        return new InspectionInvalidException(ErrorCode.CASE_NUMBER_REQUIRED, "caseNumber", "立案处理须填写案件编号 caseNumber");
    }

    static InspectionInvalidException location(String field) {
        return new InspectionInvalidException(ErrorCode.LOCATION_OUT_OF_RANGE, field, "定位无效（" + field + "），请开启定位后重试");
    }

    static InspectionInvalidException checklistCode() {
        return new InspectionInvalidException(
                ErrorCode.VALIDATION_FAILED, "code", "检查项代码为大写字母开头的大写字母、数字或下划线，至多32位，如 ID_CHECKED");
    }

    static InspectionInvalidException parameter(String field, String detail) {
        return new InspectionInvalidException(ErrorCode.QUERY_PARAMETER_INVALID, field, detail);
    }
}
