package com.cogov.api.imports;

import java.util.List;

/**
 * One column of an import's template.
 *
 * @param header   the Chinese header, exactly as the template writes it and as a file's header row must name it
 *                 (spaces and a trailing {@code *} are forgiven)
 * @param required whether a row without it is refused
 * @param example  the template's example row's value
 * @param allowed  the values the template's drop-down offers (listed on its second sheet), or empty for free text
 * @param strict   whether only those values are taken (Excel refuses others); else they are suggestions (it warns)
 * @param note     what goes there, shown as the header's comment in the template
 */
record ImportColumn(
        String header, boolean required, String example, List<String> allowed, boolean strict, String note) {

    static ImportColumn required(String header, String example, String note) {
        return new ImportColumn(header, true, example, List.of(), false, note);
    }

    static ImportColumn optional(String header, String example, String note) {
        return new ImportColumn(header, false, example, List.of(), false, note);
    }

    /** Only these values are taken. */
    ImportColumn allowing(List<String> values) {
        return new ImportColumn(header, required, example, List.copyOf(values), true, note);
    }

    /** A drop-down of the usual values; others are taken too. */
    ImportColumn suggesting(List<String> values) {
        return new ImportColumn(header, required, example, List.copyOf(values), false, note);
    }
}
