package com.cogov.api.notice;

import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.error.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * Who may reach which notice on the desk: the city administrator every notice, a district inspector their district's
 * (another district's is not found, 404, and a city-wide one is the city's). And the one reading of a district code.
 */
@Singleton
class NoticeScope {

    private static final Pattern DISTRICT = Pattern.compile("\\d{6}");

    private final NoticeStore store;
    private final PharmacyService pharmacies;

    NoticeScope(NoticeStore store, PharmacyService pharmacies) {
        this.store = store;
        this.pharmacies = pharmacies;
    }

    /** The desk's district: null for the city administrator (every notice), the inspector's own; 403 for others. */
    @Nullable
    String deskDistrict(Actor actor) {
        if (actor.role() == Role.CITY_ADMIN) {
            return null;
        }
        if (actor.role() == Role.DISTRICT_INSPECTOR && actor.districtCode() != null) {
            return actor.districtCode();
        }
        throw new AccessDeniedException("只有市局管理员和区监管人员可以管理通知公告");
    }

    /** The notice, if the actor's desk reaches it. */
    NoticeRow onDesk(Actor actor, long id) {
        String district = deskDistrict(actor);
        NoticeRow row = store.find(id).orElseThrow(NoticeNotFoundException::new);
        if (district != null && !district.equals(row.districtCode())) {
            throw new NoticeNotFoundException();
        }
        return row;
    }

    /**
     * The district a notice is for: a district user's is always their own (absent means theirs; another is not
     * found); the city's may be any district in use, or none (city-wide).
     */
    @Nullable
    String targetDistrict(Actor actor, @Nullable String requested) {
        String own = deskDistrict(actor);
        if (own != null) {
            if (requested != null && !own.equals(requested)) {
                throw districtNotFound(requested);
            }
            return own;
        }
        return requested == null ? null : known(requested);
    }

    /** A district code from a query or body: 400 when malformed, 404 when no such district. */
    String known(String code) {
        if (!DISTRICT.matcher(code).matches()) {
            throw NoticeRefusedException.query("districtCode", "行政区划代码为6位数字");
        }
        if (pharmacies.district(code).isEmpty()) {
            throw districtNotFound(code);
        }
        return code;
    }

    static CogovException districtNotFound(String code) {
        return new CogovException(ErrorCode.DISTRICT_NOT_FOUND, "行政区 " + code + " 不存在或不在您的管理范围内");
    }
}
