package com.cogov.api.complaint;

import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;

/**
 * Who handles cases: the district of the target (its inspectors), and the city administrator for all. A case
 * outside the handler's district is not found (404), as any object outside a scope is.
 */
final class Handlers {

    private Handlers() {}

    static void require(Actor actor) {
        if (actor.role() != Role.CITY_ADMIN && actor.role() != Role.DISTRICT_INSPECTOR) {
            throw new AccessDeniedException("只有市局管理员和区局人员可以处理投诉举报");
        }
    }

    static CaseRow inScope(Actor actor, CaseRow c) {
        require(actor);
        if (actor.role() == Role.DISTRICT_INSPECTOR && !c.districtCode().equals(actor.districtCode())) {
            throw new ComplaintNotFoundException();
        }
        return c;
    }
}
