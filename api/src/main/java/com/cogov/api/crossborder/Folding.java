package com.cogov.api.crossborder;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as the register searches it: lower case, accents removed (João, JOAO and joao alike, as people type Portuguese
 * names on a phone), spaces collapsed. Done here, not by a database collation, so MySQL 8 and MariaDB agree.
 */
final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Folding() {}

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll(""))
                .replaceAll(" ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern that finds the folded text anywhere, with LIKE's own characters taken literally. */
    static String contains(String text) {
        String escaped = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
