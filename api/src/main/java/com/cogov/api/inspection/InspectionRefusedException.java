package com.cogov.api.inspection;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A well-formed request a rule of the inspection refuses (409/422), with what the person can do. */
public final class InspectionRefusedException extends CogovException {

    private InspectionRefusedException(ErrorCode code, String detail) {
        super(code, detail);
    }

    static InspectionRefusedException photo(String photoId) {
        String shown = photoId.length() > 12 ? photoId.substring(0, 12) + "…" : photoId;
        return new InspectionRefusedException(
                ErrorCode.EVIDENCE_PHOTO_INVALID, "照片 " + shown + " 不存在、已被使用或不是您上传的，请重新上传");
    }

    static InspectionRefusedException supersede() {
        return new InspectionRefusedException(ErrorCode.INSPECTION_SUPERSEDE_INVALID, "只能更正本辖区同一药店、尚未被更正的检查记录");
    }

    static InspectionRefusedException notExpected(String why) {
        return new InspectionRefusedException(ErrorCode.RECTIFICATION_NOT_EXPECTED, why);
    }

    static InspectionRefusedException overdue(java.time.LocalDate dueOn) {
        return new InspectionRefusedException(
                ErrorCode.RECTIFICATION_OVERDUE, "整改期限 " + dueOn + " 已过，无法在线提交整改，请联系检查人员");
    }
}
