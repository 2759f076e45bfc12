package com.cogov.api.notice;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** No such notice for this caller: one outside a district user's district, or not published to a reader, alike. */
public class NoticeNotFoundException extends CogovException {

    NoticeNotFoundException() {
        super(ErrorCode.NOTICE_NOT_FOUND, "未找到该通知公告，或不在您的查看范围内");
    }
}
