package com.cogov.api.complaint;

import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.complaint.ComplaintRequest;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.pharmacy.PharmacySummary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Who a filing is about, and so which district handles it: a pharmacy on the platform by id (its own district), or
 * any business by name, address and district (Art. 9 asks for the business's name and address).
 */
@Singleton
class Targets {

    record Target(
            @Nullable Long pharmacyId,
            String name,
            @Nullable String address,
            String districtCode) {}

    private final PharmacyService pharmacies;

    Targets(PharmacyService pharmacies) {
        this.pharmacies = pharmacies;
    }

    Target resolve(ComplaintRequest.Target t) {
        if (t.pharmacyId() != null) {
            PharmacySummary p = pharmacies
                    .find(t.pharmacyId())
                    .orElseThrow(() -> new CogovException(
                            ErrorCode.PHARMACY_NOT_FOUND, "未找到编号为 " + t.pharmacyId() + " 的药店，请核对或改填名称和地址"));
            return new Target(p.id(), p.name(), blankToNull(t.address()), p.districtCode());
        }
        if (isBlank(t.name()) || isBlank(t.address()) || isBlank(t.districtCode())) {
            throw ComplaintRejectedException.incomplete("请选择药店，或填写被投诉举报单位的名称、地址和所在区");
        }
        requireDistrict(t.districtCode());
        return new Target(null, t.name().strip(), t.address().strip(), t.districtCode());
    }

    void requireDistrict(String code) {
        if (pharmacies.district(code).isEmpty()) {
            throw new CogovException(ErrorCode.DISTRICT_NOT_FOUND, "未找到行政区 " + code + "，请从列表中选择所在区");
        }
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return isBlank(s) ? null : s.strip();
    }
}
