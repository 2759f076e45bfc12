package com.cogov.api.crossborder;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A registration the register refuses as sent. */
public class CrossBorderRefusedException extends CogovException {

    private CrossBorderRefusedException(ErrorCode code, String detail, String field) {
        super(code, detail, List.of(new Problem.FieldError(field, detail)));
    }

    static CrossBorderRefusedException validity() {
        return new CrossBorderRefusedException(ErrorCode.CROSS_BORDER_VALIDITY_INVALID, "有效期截止日期不能早于起始日期", "validTo");
    }

    static CrossBorderRefusedException licenseTaken() {
        return new CrossBorderRefusedException(
                ErrorCode.CROSS_BORDER_LICENSE_TAKEN, "该澳门执业牌照号码已登记，请在原登记上修改", "licenseNumber");
    }

    static CrossBorderRefusedException revoked() {
        return new CrossBorderRefusedException(
                ErrorCode.CROSS_BORDER_REVOKED, ErrorCode.CROSS_BORDER_REVOKED.title(), "id");
    }

    static CrossBorderRefusedException query(String detail) {
        return new CrossBorderRefusedException(ErrorCode.QUERY_PARAMETER_INVALID, detail, "q");
    }
}
