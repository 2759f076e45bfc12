package com.cogov.api.complaint;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** A filing the rules refuse as sent (Art. 9): what is missing or wrong is said in the detail. */
public class ComplaintRejectedException extends CogovException {

    private ComplaintRejectedException(ErrorCode code, String detail) {
        super(code, detail);
    }

    static ComplaintRejectedException incomplete(String detail) {
        return new ComplaintRejectedException(ErrorCode.COMPLAINT_INCOMPLETE, detail);
    }

    static ComplaintRejectedException futureDate() {
        return new ComplaintRejectedException(ErrorCode.COMPLAINT_DATE_INVALID, "发生日期不能晚于今天，请核对后重新填写");
    }

    static ComplaintRejectedException unknownAttachment() {
        return new ComplaintRejectedException(ErrorCode.ATTACHMENT_INVALID, "有附件不存在、已过期、已用于其他投诉举报或不是由您上传的，请重新上传");
    }

    static ComplaintRejectedException tooManyAttachments(int max) {
        return new ComplaintRejectedException(ErrorCode.ATTACHMENTS_TOO_MANY, "每件投诉举报最多" + max + "个附件，请删去多余的附件");
    }
}
