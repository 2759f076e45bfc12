package com.cogov.api.catalog;

import com.cogov.api.shared.Actor;
import com.cogov.api.shared.WriteOutcome;

/**
 * Writing the catalog: the one way drugs and their barcodes are added and changed, whether by the regulator's form
 * (the portal's drug maintenance), the unknown-barcode queue or a bulk import. Offered as a port so that the imports
 * piece can write drugs row by row inside its own chunk transactions; the single edits go through
 * {@link CatalogService}, which announces each change to every node.
 * <p>
 * <b>Natural key:</b> approval number + strength + package unit ({@code uk_drug_natural_key}, migration V10_5). The
 * approval number alone is not unique: packaging variants of one product share it, and one licence may cover several
 * strengths. Variants that differ only by the count inside the same unit (10 or 20 capsules a box) are one drug with
 * several barcodes; a regulator who wants them apart writes the count into the unit ({@code 盒(20粒)}).
 * <p>
 * Rules every write keeps: a barcode belongs to at most one drug ({@link BarcodeTakenException}, 409); a drug is
 * never deleted, only retired; the special category must exist, and a category that needs a prescription makes the
 * drug prescription-only.
 */
public interface DrugEditing {

    /**
     * Adds the drug, or brings the drug of the same natural key to the draft's fields, inside the caller's transaction
     * (or one of its own without one). Barcodes are only added: a barcode the drug has and the draft lacks stays (an
     * import row names one barcode of a drug that may have several; removing one is a deliberate edit). A retired drug
     * stays retired. Audited ({@code catalog.drug.create}, {@code catalog.drug.update}; nothing for UNCHANGED).
     * <p>
     * It does <b>not</b> announce the change ({@link CatalogService#catalogChanged()}): the caller does, once, after
     * its transaction commits (a bulk import at its end). Rejections are thrown before anything is written and do not
     * mark the caller's transaction for rollback, so an import rejects the row and carries on with the next.
     *
     * @param actor the city administrator, or the platform itself for a job resumed after a restart
     * @throws DrugDraftInvalidException      the special category is unknown, or needs a prescription the draft lacks
     * @throws BarcodeTakenException          one of the barcodes belongs to another drug
     * @throws com.cogov.api.shared.AccessDeniedException the actor may not edit the catalog
     */
    WriteOutcome upsert(DrugDraft draft, Actor actor);
}
