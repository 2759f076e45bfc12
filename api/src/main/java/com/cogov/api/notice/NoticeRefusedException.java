package com.cogov.api.notice;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A notice the rules refuse as sent, or a step its status does not allow. */
public class NoticeRefusedException extends CogovException {

    private NoticeRefusedException(ErrorCode code, String detail) {
        super(code, detail);
    }

    private NoticeRefusedException(ErrorCode code, String detail, String field) {
        super(code, detail, List.of(new Problem.FieldError(field, detail)));
    }

    static NoticeRefusedException bodyEmpty() {
        return new NoticeRefusedException(ErrorCode.NOTICE_BODY_EMPTY, "正文去除脚本、事件处理、样式和外部图片后没有可显示的内容，请填写正文文字", "body");
    }

    static NoticeRefusedException transition(String status, String step) {
        return new NoticeRefusedException(ErrorCode.NOTICE_TRANSITION_INVALID, "该通知公告当前为" + status + "，不能" + step);
    }

    static NoticeRefusedException ownApproval() {
        return new NoticeRefusedException(ErrorCode.NOTICE_OWN_APPROVAL, ErrorCode.NOTICE_OWN_APPROVAL.title());
    }

    static NoticeRefusedException notRequiredReading() {
        return new NoticeRefusedException(
                ErrorCode.NOTICE_NOT_REQUIRED_READING, ErrorCode.NOTICE_NOT_REQUIRED_READING.title());
    }

    static NoticeRefusedException unknownAttachment() {
        return new NoticeRefusedException(
                ErrorCode.ATTACHMENT_INVALID, "有附件不存在、已过期、已用于其他通知公告或不是由您上传的，请重新上传", "attachmentIds");
    }

    static NoticeRefusedException publishAt() {
        return new NoticeRefusedException(ErrorCode.VALIDATION_FAILED, "发布时间须在一年之内（已过的时间按审核通过时发布）", "publishAt");
    }

    static NoticeRefusedException query(String field, String detail) {
        return new NoticeRefusedException(ErrorCode.QUERY_PARAMETER_INVALID, detail, field);
    }
}
