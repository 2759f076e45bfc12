package com.cogov.api.contentcheck;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Locale;

/**
 * The local word list (table {@code content_check_word}): the one policy applied where WeChat's msg_sec_check cannot
 * be asked, to web filings (no openid) and to mini-program filings while WeChat is down. A risky word is found before
 * a review word; words match as substrings, Latin letters case-insensitively. The list is small (tens of words) and
 * read per check: an edit of the table applies at once, on every node.
 */
@Singleton
class WordList {

    private final JdbcOperations jdbc;

    WordList(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    TextVerdict check(String text) {
        String haystack = text.toLowerCase(Locale.ROOT);
        return jdbc.prepareStatement(
                "SELECT word, suggest FROM content_check_word ORDER BY suggest = 'RISKY' DESC, word", ps -> {
                    TextVerdict found = TextVerdict.pass(true);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String word = rs.getString(1);
                            if (haystack.contains(word.toLowerCase(Locale.ROOT))) {
                                TextVerdict hit = new TextVerdict(
                                        "RISKY".equals(rs.getString(2)) ? ContentSuggest.RISKY : ContentSuggest.REVIEW,
                                        word,
                                        true);
                                found = TextVerdict.worse(found, hit);
                                if (found.suggest() == ContentSuggest.RISKY) {
                                    return found;
                                }
                            }
                        }
                    }
                    return found;
                });
    }
}
