package com.cogov.api.search;

import java.text.Normalizer;
import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * How a text is turned into what is searched: normalised (NFKC, so a full-width 'Ａ' or '（' is the ASCII one; lower
 * case; no spaces) and its pinyin initials ({@code 新康泰克} → {@code xktk}), the way a clerk types a name on a phone.
 * A character with several readings takes its first (pinyin4j's most common one): 长 is {@code c} here, not {@code z}.
 */
final class SearchText {

    /** A key longer than this is cut: no one types more to find a name, and the index stays small. */
    static final int MAX_KEY = 64;

    private SearchText() {}

    static String normalized(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Letters and digits as they are, each Chinese character by its initial; punctuation left out. */
    static String initials(String normalized) {
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
                if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                    out.append(readings[0].charAt(0));
                }
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Code points, so a suffix never splits a character outside the BMP. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
