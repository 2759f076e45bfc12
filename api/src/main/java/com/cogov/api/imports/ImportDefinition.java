package com.cogov.api.imports;

import com.cogov.api.shared.Actor;
import java.util.List;

/**
 * One kind of import (docs/imports.md): its template's columns, how a row is read and checked, and how a valid row is
 * upserted by its natural key through the feature that owns the data. The imports piece does the rest (file types,
 * header matching, chunks in transactions, dry runs, resuming, the error workbook, audit). A new kind is one more
 * {@code @Singleton} of this in this package.
 *
 * @param <D> a checked row, ready to write
 */
interface ImportDefinition<D> {

    /** What clients name in {@code kind}, e.g. {@code PHARMACIES}. */
    String kind();

    /** The template's sheet and file name, e.g. {@code 药店导入}. */
    String title();

    /** Refuses (403, {@code AccessDeniedException}) a role that may not import this kind. */
    void authorize(Actor actor);

    /** The template's columns in order, with the allowed values this actor may choose (an inspector: their district). */
    List<ImportColumn> columns(Actor actor);

    /**
     * Reads and checks one row on its own; a problem is noted on the row ({@link ImportRow#reject}) with its column,
     * and the answer is then ignored.
     */
    D parse(ImportRow row, Actor owner);

    /** The column holding the natural key, named when a second row of the same file repeats one. */
    String keyColumn();

    /** The row's natural key, to refuse a second row of the same file with the same one. */
    String naturalKey(D row);

    /**
     * Upserts the row in the caller's transaction (a chunk of rows commits at once; a dry run rolls it back). A row
     * the owning feature refuses is answered {@link RowResult#refused}, never thrown, so the chunk's other rows stand.
     */
    RowResult write(D row, Actor owner);

    /** After a run that wrote something (never a dry run): e.g. tell every node the catalog changed. */
    default void afterWrites(Actor owner) {}
}
