package com.cogov.api.inspection;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.inspection.ChecklistEntry;
import com.cogov.contracts.inspection.InspectionRequests;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The city keeps the checklist: regulators read it whole, the city administrator adds, changes and retires items. */
@Singleton
class ChecklistMaintenance {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    private final Checklist checklist;
    private final AuditService audit;

    ChecklistMaintenance(Checklist checklist, AuditService audit) {
        this.checklist = checklist;
        this.audit = audit;
    }

    List<ChecklistEntry> all(Actor regulator) {
        InspectionScope.regulatorDistrict(regulator);
        return checklist.all();
    }

    @Transactional
    ChecklistEntry put(Actor admin, String code, InspectionRequests.ChecklistItem item) {
        if (admin.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("只有市局管理员可以维护检查表");
        }
        if (!CODE.matcher(code).matches()) {
            throw InspectionInvalidException.checklistCode();
        }
        ChecklistEntry entry = checklist.put(code, item);
        audit.record(
                admin,
                "inspection.checklist.put",
                "checklist-item",
                code,
                AuditOutcome.SUCCESS,
                Map.of("active", String.valueOf(entry.active())));
        return entry;
    }
}
