package com.cogov.api.inspection;

import com.cogov.api.notify.Notice;
import com.cogov.contracts.inspection.Disposition;
import com.cogov.contracts.inspection.InspectionRequests;
import java.time.LocalDate;

/**
 * What the pharmacy and the district are told about inspections (topic INSPECTION). Keyed so each is sent once; no
 * personal data, since a subscribe message leaves our systems.
 */
final class InspectionNotices {

    static final String TOPIC = "INSPECTION";

    private InspectionNotices() {}

    static Notice recorded(long inspectionId, InspectionRequests.Record request) {
        String outcome = switch (request.disposition()) {
            case COMPLIANT -> "检查结论：符合要求";
            case RECTIFY -> "检查结论：责令整改，请于 " + request.rectifyBy() + " 前完成整改并在线提交";
            case CASE_OPENED -> "检查结论：已立案处理";
        };
        return new Notice(
                "inspection:" + inspectionId,
                TOPIC,
                request.disposition() == Disposition.RECTIFY ? "本店收到整改通知" : "本店收到现场检查记录",
                outcome + "。请在小程序中查看并确认。",
                "/pharmacy/inspections/" + inspectionId);
    }

    static Notice dueTomorrow(long inspectionId, LocalDate dueOn) {
        return new Notice(
                "inspection-reminder:" + inspectionId,
                TOPIC,
                "整改期限明天截止",
                "整改期限为 " + dueOn + "，请在截止前提交整改情况。",
                "/pharmacy/inspections/" + inspectionId);
    }

    static Notice submitted(long inspectionId, long submissionId) {
        return new Notice(
                "rectification:" + submissionId,
                TOPIC,
                "药店提交了整改情况",
                "检查记录 " + inspectionId + " 的整改情况已提交，请审核。",
                "/inspections/" + inspectionId);
    }

    static Notice reviewed(long inspectionId, long submissionId, boolean accepted) {
        return new Notice(
                "rectification-review:" + submissionId,
                TOPIC,
                accepted ? "整改已通过审核" : "整改未通过审核",
                accepted ? "检查记录 " + inspectionId + " 的整改已通过。" : "检查记录 " + inspectionId + " 的整改未通过，请按审核意见重新整改并提交。",
                "/pharmacy/inspections/" + inspectionId);
    }

    static Notice overdue(long inspectionId, String pharmacyName) {
        return new Notice(
                "rectification-overdue:" + inspectionId,
                TOPIC,
                "整改已逾期",
                pharmacyName + " 的整改（检查记录 " + inspectionId + "）已过期限，请跟进。",
                "/inspections/" + inspectionId);
    }
}
