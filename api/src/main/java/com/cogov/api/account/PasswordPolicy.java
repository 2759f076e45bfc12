package com.cogov.api.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The complexity rule for staff passwords (等保 2.0 level 3: identification and authentication). */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    private static final Set<String> COMMON = Set.of(
            "password",
            "p@ssw0rd",
            "12345678",
            "qwerty",
            "admin",
            "abc123",
            "iloveyou",
            "000000",
            "111111",
            "123456",
            "a123456",
            "woaini",
            "changeme");

    private PasswordPolicy() {}

    /** The reasons, in Chinese, why a password is refused; empty when it is acceptable. */
    static List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            problems.add("至少" + MIN_LENGTH + "位");
        }
        int classes = (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3) {
            problems.add("需包含大写字母、小写字母、数字、符号中的至少三类");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("不能包含用户名");
        }
        if (COMMON.stream().anyMatch(lower::contains)) {
            problems.add("不能使用常见弱密码");
        }
        return problems;
    }
}
