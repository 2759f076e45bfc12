package com.cogov.api.buyer;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/**
 * The photo did not give a usable identity: WeChat found no ID card in it, or what it read fails the number's own
 * checks (an OCR misread must never become a record). Either way the clerk retakes the photo or types the number.
 */
public final class IdCardUnreadableException extends CogovException {

    static final String FIELD = "image";

    /** For the audit trail: {@code unreadable} (no card found) or {@code misread}. */
    private final String outcome;

    private IdCardUnreadableException(String outcome, String detail) {
        super(ErrorCode.ID_CARD_UNREADABLE, detail, List.of(new Problem.FieldError(FIELD, detail)));
        this.outcome = outcome;
    }

    static IdCardUnreadableException noCardFound() {
        return new IdCardUnreadableException("unreadable", "未识别到身份证，请将身份证人像面放平、对准后重新拍摄");
    }

    static IdCardUnreadableException numberMisread() {
        return new IdCardUnreadableException("misread", "未能准确识别身份证号码，请重新拍摄或手工输入");
    }

    static IdCardUnreadableException nameMisread() {
        return new IdCardUnreadableException("misread", "未能准确识别身份证上的姓名，请重新拍摄或手工输入");
    }

    String outcome() {
        return outcome;
    }
}
