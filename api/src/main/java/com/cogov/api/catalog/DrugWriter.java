package com.cogov.api.catalog;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.WriteOutcome;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.catalog.DrugStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The only writer of {@code drug} and {@code drug_barcode} ({@link DrugEditing}): the bulk upsert, and the single
 * edits behind the portal's routes and the unknown-barcode queue. Every rejection is decided before the first write,
 * so a rejected import row leaves its chunk's transaction usable. None of these announces the change: the caller
 * does, after the commit ({@link CatalogService#catalogChanged()}).
 */
@Singleton
class DrugWriter implements DrugEditing {

    private final DrugRows rows;
    private final SpecialCategoryRepository categories;
    private final DrugIndexing indexing;
    private final AuditService audit;
    private final Clock clock;

    DrugWriter(
            DrugRows rows,
            SpecialCategoryRepository categories,
            DrugIndexing indexing,
            AuditService audit,
            Clock clock) {
        this.rows = rows;
        this.categories = categories;
        this.indexing = indexing;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(noRollbackFor = {DrugDraftInvalidException.class, BarcodeTakenException.class})
    public WriteOutcome upsert(DrugDraft draft, Actor actor) {
        requireEditor(actor);
        checkCategory(draft);
        Optional<Drug> existing = rows.lockByNaturalKey(draft);
        List<String> added =
                freeBarcodes(draft.barcodes(), existing.map(Drug::id).orElse(null));
        if (existing.isEmpty()) {
            insert(actor, draft);
            return WriteOutcome.INSERTED;
        }
        Drug before = existing.get();
        List<String> changed = changedFields(before, draft);
        if (changed.isEmpty() && added.isEmpty()) {
            return WriteOutcome.UNCHANGED;
        }
        apply(actor, before, draft, changed, added);
        return WriteOutcome.UPDATED;
    }

    /** A new drug (the portal's form, a queue's code resolved by a new drug); its natural key must be free. */
    @Transactional
    long create(Actor actor, DrugDraft draft) {
        requireEditor(actor);
        checkCategory(draft);
        Optional<Drug> existing = rows.lockByNaturalKey(draft);
        if (existing.isPresent()) {
            throw DrugChangeRefusedException.exists(existing.get().id());
        }
        freeBarcodes(draft.barcodes(), null);
        return insert(actor, draft);
    }

    /**
     * Changes a drug's fields (not its barcodes nor its status): {@code change} turns the drug as it is into the
     * drug as it should be, and may throw {@link DrugDraftInvalidException}.
     */
    @Transactional
    void edit(Actor actor, long id, Function<Drug, DrugDraft> change) {
        requireEditor(actor);
        Drug before = rows.lock(id).orElseThrow(() -> DrugNotFoundException.forId(id));
        DrugDraft after = change.apply(before);
        checkCategory(after);
        Optional<Drug> sameKey = rows.lockByNaturalKey(after);
        if (sameKey.isPresent() && sameKey.get().id() != id) {
            throw DrugChangeRefusedException.exists(sameKey.get().id());
        }
        List<String> changed = changedFields(before, after);
        if (!changed.isEmpty()) {
            apply(actor, before, after, changed, List.of());
        }
    }

    /** Attaches a commodity barcode; one the drug already has is no change (false). */
    @Transactional
    boolean addBarcode(Actor actor, long id, Barcode code) {
        requireEditor(actor);
        Drug drug = rows.lock(id).orElseThrow(() -> DrugNotFoundException.forId(id));
        if (!drug.active()) {
            throw DrugChangeRefusedException.retired(id);
        }
        if (code.kind() == Barcode.Kind.TRACEABILITY_CODE) {
            return attachProductIdentifier(actor, drug, code);
        }
        if (freeBarcodes(List.of(code.value()), id).isEmpty()) {
            return false;
        }
        rows.insertBarcodes(id, List.of(code.value()));
        record(actor, "catalog.drug.barcode.add", id, Map.of("barcode", code.value()));
        return true;
    }

    @Transactional
    void removeBarcode(Actor actor, long id, Barcode code) {
        requireEditor(actor);
        rows.lock(id).orElseThrow(() -> DrugNotFoundException.forId(id));
        if (rows.deleteBarcode(id, code.value()) == 0) {
            throw DrugChangeRefusedException.notOnDrug(code.value(), id);
        }
        record(actor, "catalog.drug.barcode.remove", id, Map.of("barcode", code.value()));
    }

    /** Retires or reactivates a drug: never a delete, since old sales name it. */
    @Transactional
    void changeStatus(Actor actor, long id, DrugStatus status, @Nullable String reason) {
        requireEditor(actor);
        Drug drug = rows.lock(id).orElseThrow(() -> DrugNotFoundException.forId(id));
        if (drug.status() == status) {
            throw DrugChangeRefusedException.sameStatus(status);
        }
        rows.setStatus(id, status, clock.instant());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("status", status.name());
        if (reason != null) {
            details.put("reason", reason);
        }
        record(actor, status == DrugStatus.RETIRED ? "catalog.drug.retire" : "catalog.drug.reactivate", id, details);
    }

    // ---------------------------------------------------------------- helpers

    /** A traceability code attaches by its product identifier: every code of the product then resolves. */
    private boolean attachProductIdentifier(Actor actor, Drug drug, Barcode code) {
        String pid = code.productIdentifier();
        if (pid.equals(drug.productIdentifier())) {
            return false;
        }
        if (drug.productIdentifier() != null) {
            throw DrugChangeRefusedException.otherProductIdentifier(drug.id(), drug.productIdentifier());
        }
        Optional<Drug> owner = rows.byProductIdentifier(pid);
        if (owner.isPresent()) {
            throw new BarcodeTakenException(
                    code.value(), owner.get().id(), owner.get().name());
        }
        rows.setProductIdentifier(drug.id(), pid);
        record(actor, "catalog.drug.product-identifier.add", drug.id(), Map.of("productIdentifier", pid));
        return true;
    }

    private long insert(Actor actor, DrugDraft draft) {
        long id = rows.insert(draft, clock.instant());
        rows.insertBarcodes(id, draft.barcodes());
        indexing.index(id, draft.name(), draft.genericName(), draft.maker());
        record(
                actor,
                "catalog.drug.create",
                id,
                Map.of("approvalNumber", draft.approvalNumber(), "barcodes", String.join(",", draft.barcodes())));
        return id;
    }

    private void apply(Actor actor, Drug before, DrugDraft after, List<String> changed, List<String> added) {
        if (!changed.isEmpty()) {
            rows.update(before.id(), after, clock.instant());
            if (changed.contains("name") || changed.contains("genericName") || changed.contains("maker")) {
                indexing.index(before.id(), after.name(), after.genericName(), after.maker());
            }
        }
        rows.insertBarcodes(before.id(), added);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("fields", String.join(",", changed));
        if (!added.isEmpty()) {
            details.put("barcodesAdded", String.join(",", added));
        }
        record(actor, "catalog.drug.update", before.id(), details);
    }

    /**
     * The draft's barcodes the drug lacks, after checking that none belongs to another drug.
     *
     * @param drugId the drug they are for; null for a new one
     */
    private List<String> freeBarcodes(List<String> barcodes, @Nullable Long drugId) {
        Map<String, Long> owners = rows.owners(barcodes);
        List<String> free = new ArrayList<>();
        for (String code : barcodes) {
            Long owner = owners.get(code);
            if (owner == null) {
                free.add(code);
            } else if (!owner.equals(drugId)) {
                throw new BarcodeTakenException(code, owner, rows.name(owner));
            }
        }
        return free;
    }

    private void checkCategory(DrugDraft draft) {
        if (draft.specialCategoryCode() == null) {
            return;
        }
        SpecialCategory category = categories
                .findById(draft.specialCategoryCode())
                .orElseThrow(() -> DrugDraftInvalidException.field(
                        "specialCategoryCode", "特殊药品类别 " + draft.specialCategoryCode() + " 不存在"));
        if (category.prescriptionRequired() && !draft.prescriptionOnly()) {
            throw DrugDraftInvalidException.field("prescriptionOnly", category.name() + "须凭处方销售，请标记为处方药");
        }
    }

    private static List<String> changedFields(Drug before, DrugDraft after) {
        List<String> changed = new ArrayList<>();
        changed(changed, "name", before.name(), after.name());
        changed(changed, "genericName", before.genericName(), after.genericName());
        changed(changed, "maker", before.maker(), after.maker());
        changed(changed, "strength", before.strength(), after.strength());
        changed(changed, "dosageForm", before.dosageForm(), after.dosageForm());
        changed(changed, "packageUnit", before.packageUnit(), after.packageUnit());
        changed(changed, "approvalNumber", before.approvalNumber(), after.approvalNumber());
        changed(changed, "specialCategoryCode", before.specialCategoryCode(), after.specialCategoryCode());
        changed(changed, "prescriptionOnly", before.prescriptionOnly(), after.prescriptionOnly());
        changed(changed, "perSaleLimit", before.perSaleLimit(), after.perSaleLimit());
        return changed;
    }

    private static void changed(List<String> changed, String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private void record(Actor actor, String action, long drugId, Map<String, String> details) {
        audit.record(actor, action, "drug", String.valueOf(drugId), AuditOutcome.SUCCESS, details);
    }

    /** The city administrator edits the catalog; the platform itself does when it resumes an import after a restart. */
    private static void requireEditor(Actor actor) {
        boolean platform = actor.role() == null && actor.accountId() == null;
        if (!platform && actor.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("只有市局管理员可以维护药品目录");
        }
    }
}
