package com.cogov.api.buyer;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * A buyer's name as it is recorded: trimmed, inner runs of spaces (including the full-width space) made one space.
 * Chinese names, names of ethnic minorities and foreigners with spaces, middle dots and hyphens are all accepted;
 * what is refused is what no name on a document holds: digits (a number typed into the wrong field) and control or
 * invisible formatting characters (pasted text). Length counts characters as people do, not UTF-16 units.
 */
final class BuyerName {

    static final int MAX_LENGTH = 40;
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");

    private BuyerName() {
    }

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
        return name;
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
