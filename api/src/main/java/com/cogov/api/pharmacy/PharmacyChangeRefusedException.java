package com.cogov.api.pharmacy;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import java.util.List;

/** A well-formed change of a pharmacy that a business rule refuses (409). */
public final class PharmacyChangeRefusedException extends CogovException {

    private PharmacyChangeRefusedException(ErrorCode code, String detail, String field) {
        super(code, detail, List.of(new Problem.FieldError(field, detail)));
    }

    static PharmacyChangeRefusedException licenseTaken(String licenseNumber) {
        return new PharmacyChangeRefusedException(
                ErrorCode.LICENSE_NUMBER_TAKEN, "许可证编号 " + licenseNumber + " 已登记在另一家药店，请核对许可证", "licenseNumber");
    }

    static PharmacyChangeRefusedException transition(PharmacyStatus from, PharmacyStatus to) {
        String detail = from == to
                ? "药店已是" + label(to) + "状态，无需变更"
                : from == PharmacyStatus.CLOSED
                        ? "药店已关闭，不能再变更状态；重新开业的药店须按新许可证新增"
                        : "药店不能从" + label(from) + "变更为" + label(to);
        return new PharmacyChangeRefusedException(ErrorCode.PHARMACY_STATUS_TRANSITION_INVALID, detail, "status");
    }

    static PharmacyChangeRefusedException sameDistrict(String districtCode) {
        return new PharmacyChangeRefusedException(
                ErrorCode.TRANSFER_SAME_DISTRICT, "药店已在行政区 " + districtCode + "，无需调动", "districtCode");
    }

    static PharmacyChangeRefusedException districtRetired(String districtCode) {
        return new PharmacyChangeRefusedException(
                ErrorCode.DISTRICT_RETIRED, "行政区 " + districtCode + " 已撤销，请选择现行的行政区", "districtCode");
    }

    private static String label(PharmacyStatus status) {
        return switch (status) {
            case ACTIVE -> "营业";
            case SUSPENDED -> "暂停营业";
            case CLOSED -> "关闭";
        };
    }
}
