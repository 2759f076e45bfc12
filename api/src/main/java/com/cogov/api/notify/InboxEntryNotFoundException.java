package com.cogov.api.notify;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;

/** Also the answer for another user's entry: whether it exists is not revealed. */
public final class InboxEntryNotFoundException extends CogovException {

    InboxEntryNotFoundException(long id) {
        super(ErrorCode.INBOX_ENTRY_NOT_FOUND, "消息 " + id + " 不存在或不是发给您的");
    }
}
