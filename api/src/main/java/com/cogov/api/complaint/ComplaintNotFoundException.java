package com.cogov.api.complaint;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/**
 * No such case for this caller: an unknown tracking number and a wrong query code answer alike, so that numbers
 * cannot be probed; a case outside a handler's district answers alike too.
 */
public class ComplaintNotFoundException extends CogovException {

    ComplaintNotFoundException() {
        super(ErrorCode.COMPLAINT_NOT_FOUND, "未找到该投诉举报：请核对受理编号和查询码（查询码区分大小写以外的字母和数字）");
    }
}
