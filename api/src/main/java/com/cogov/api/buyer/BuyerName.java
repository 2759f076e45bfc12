package com.cogov.api.buyer;

import io.micronaut.core.annotation.Nullable;
import java.util.regex.Pattern;

/**
 * A buyer's name as it is recorded: trimmed, inner runs of spaces (including the full-width space) made one space.
 * Chinese names, names of ethnic minorities and foreigners with spaces, middle dots, hyphens, apostrophes and
 * initials' full stops are all accepted; what is refused is what no name on a document holds: digits (a number typed
 * into the wrong field), control or invisible formatting characters (pasted text), and symbols or other punctuation
 * (emoji, slashes: {@code ../../etc/passwd} is not a name). A name has a letter, and its punctuation stands between
 * letters, one mark at a time. Length counts characters as people do, not UTF-16 units.
 */
final class BuyerName {

    static final int MAX_LENGTH = 40;
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    /**
     * The punctuation names are written with: middle dots (·・‧･•, 买买提·艾力), hyphens (- ‐ －), apostrophes (' ’ ʼ)
     * and full stops of initials (. ．).
     */
    private static final String NAME_MARKS = "\u00B7\u30FB\u2027\uFF65\u2022-\u2010\uFF0D'\u2019\u02BC.\uFF0E";

    private BuyerName() {}

    /** @throws InvalidBuyerNameException naming the rule the name breaks (never the name) */
    static String parse(@Nullable String raw) {
        String name = raw == null ? "" : SPACES.matcher(raw).replaceAll(" ").strip();
        if (name.isEmpty()) {
            throw InvalidBuyerNameException.because("请输入购买人姓名");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw InvalidBuyerNameException.because("购买人姓名不能超过" + MAX_LENGTH + "个字");
        }
        if (name.codePoints().anyMatch(Character::isDigit)) {
            throw InvalidBuyerNameException.because("购买人姓名不能包含数字，请核对是否填错了栏目");
        }
        if (name.codePoints().anyMatch(BuyerName::invisible)) {
            throw InvalidBuyerNameException.because("购买人姓名含有无法显示的字符，请删除后重新输入");
        }
        if (!name.codePoints().allMatch(c -> c == ' ' || NAME_MARKS.indexOf(c) >= 0 || isLetter(c))) {
            throw InvalidBuyerNameException.because("购买人姓名只能包含文字、空格和间隔号（·）、连字符、撇号，不能有表情、符号或斜杠");
        }
        if (name.codePoints().noneMatch(BuyerName::isLetter) || hasMarkOutsideLetters(name)) {
            throw InvalidBuyerNameException.because("购买人姓名的间隔号、连字符等只能写在文字之间，请核对");
        }
        return name;
    }

    /**
     * Letters of any script with their combining marks; private-use and (to this JDK) unassigned code points count as
     * letters, for the reason {@link #invisible} gives.
     */
    private static boolean isLetter(int c) {
        int type = Character.getType(c);
        return Character.isLetter(c)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }

    /** A mark first, or two marks with no letter between them ("..", "-·"); a full stop may end a name ("Jr."). */
    private static boolean hasMarkOutsideLetters(String name) {
        int[] points = name.replace(" ", "").codePoints().toArray();
        for (int i = 0; i < points.length; i++) {
            boolean mark = !isLetter(points[i]);
            if (mark
                    && (i == 0
                            || !isLetter(points[i - 1])
                            || (i == points.length - 1 && points[i] != '.' && points[i] != '\uFF0E'))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Control and formatting characters, and halves of broken surrogate pairs. Private-use and (to this JDK) unassigned
     * code points are let through on purpose: rare characters in names (生僻字) are newer than Java's Unicode tables or
     * are still encoded in private-use areas by some identity systems.
     */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }
}
