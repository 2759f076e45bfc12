package com.cogov.api.alert;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.alert.AlertStatus;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.util.List;

/** A triage step the alert's state or the request does not allow. */
public final class AlertTriageRefusedException extends CogovException {

    private AlertTriageRefusedException(ErrorCode code, String detail, List<Problem.FieldError> fields) {
        super(code, detail, fields);
    }

    static AlertTriageRefusedException noteRequired() {
        return new AlertTriageRefusedException(
                ErrorCode.ALERT_NOTE_REQUIRED,
                "排除或确认预警须填写处理说明（核查了什么、结论如何）",
                List.of(new Problem.FieldError("note", "请填写处理说明")));
    }

    static AlertTriageRefusedException transition(AlertStatus from, AlertStatus to) {
        return new AlertTriageRefusedException(
                ErrorCode.ALERT_TRANSITION_INVALID,
                "该预警当前为" + label(from) + "，不能改为" + label(to) + "；已排除或已确认的预警不再变更",
                List.of());
    }

    static String label(AlertStatus status) {
        return switch (status) {
            case OPEN -> "“待处理”";
            case REVIEWING -> "“核查中”";
            case DISMISSED -> "“已排除”";
            case CONFIRMED -> "“已确认”";
        };
    }
}
