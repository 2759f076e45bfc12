package com.cogov.api.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The search_key table (V8_5): one row per suffix of an entity's normalised text and of its initials, so "contains
 * q" is "some suffix starts with q", an index range scan ({@code suffix LIKE 'q%'}) instead of {@code LIKE '%q%'} over
 * every row. The row says where its suffix starts ({@code position}) and how long the whole key is, which is enough to
 * rank: position 0 of a key as long as the query is an exact match, position 0 a prefix, any other a contains.
 * SQL is built from fixed fragments only; every value is bound.
 */
@Singleton
class SearchKeys {

    private static final String RANK =
            "MIN(CASE WHEN position = 0 AND full_length = ? THEN 0" + " WHEN position = 0 THEN 1 ELSE 2 END)";

    private final JdbcOperations jdbc;

    SearchKeys(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param texts each normalised text with its initials, e.g. a drug's name, generic name and maker: each ranks on
     *              its own (a query equal to the maker's name is an exact match). A suffix two texts share at the same
     *              position is one row (INSERT IGNORE).
     */
    void replace(String type, long id, String scope, java.util.List<String[]> texts) {
        delete(type, id);
        jdbc.prepareStatement(
                "INSERT IGNORE INTO search_key (entity_type, scope, suffix, entity_id, kind, position, full_length)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    for (String[] text : texts) {
                        addSuffixes(statement, type, id, scope, "T", text[0]);
                        addSuffixes(statement, type, id, scope, "I", text[1]);
                    }
                    statement.executeBatch();
                    return null;
                });
    }

    /** One entity's keys for {@link #replaceAll}. */
    record Keyed(long id, String scope, List<String[]> texts) {}

    /**
     * Many entities' keys at once (a rebuild of thousands): one DELETE and one batch of INSERTs per 500 entities,
     * instead of a transaction per entity.
     */
    void replaceAll(String type, List<Keyed> entities) {
        for (int from = 0; from < entities.size(); from += 500) {
            List<Keyed> chunk = entities.subList(from, Math.min(entities.size(), from + 500));
            jdbc.prepareStatement(
                    "DELETE FROM search_key WHERE entity_type = ? AND entity_id IN ("
                            + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    statement -> {
                        statement.setString(1, type);
                        for (int i = 0; i < chunk.size(); i++) {
                            statement.setLong(i + 2, chunk.get(i).id());
                        }
                        return statement.executeUpdate();
                    });
            jdbc.prepareStatement(
                    "INSERT IGNORE INTO search_key (entity_type, scope, suffix, entity_id, kind, position, full_length)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    statement -> {
                        for (Keyed e : chunk) {
                            for (String[] text : e.texts()) {
                                addSuffixes(statement, type, e.id(), e.scope(), "T", text[0]);
                                addSuffixes(statement, type, e.id(), e.scope(), "I", text[1]);
                            }
                        }
                        statement.executeBatch();
                        return null;
                    });
        }
    }

    void delete(String type, long id) {
        jdbc.prepareStatement("DELETE FROM search_key WHERE entity_type = ? AND entity_id = ?", statement -> {
            statement.setString(1, type);
            statement.setLong(2, id);
            return statement.executeUpdate();
        });
    }

    Set<Long> indexedIds(String type) {
        return jdbc.prepareStatement("SELECT DISTINCT entity_id FROM search_key WHERE entity_type = ?", statement -> {
            statement.setString(1, type);
            Set<Long> ids = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    /**
     * The entities whose text or initials contain the query, best rank first, then by id, after (rank, id).
     *
     * @param scope null for every scope
     * @param query normalised, not empty
     */
    List<Match> find(String type, @Nullable String scope, String query, int afterRank, long afterId, int limit) {
        String sql = "SELECT entity_id, " + RANK + " AS rnk FROM search_key WHERE entity_type = ?"
                + (scope == null ? "" : " AND scope = ?")
                + " AND suffix LIKE ? ESCAPE '!' GROUP BY entity_id"
                + " HAVING rnk > ? OR (rnk = ? AND entity_id > ?) ORDER BY rnk, entity_id LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            int i = 1;
            statement.setInt(i++, SearchText.length(query));
            statement.setString(i++, type);
            if (scope != null) {
                statement.setString(i++, scope);
            }
            statement.setString(i++, escaped(query) + "%");
            statement.setInt(i++, afterRank);
            statement.setInt(i++, afterRank);
            statement.setLong(i++, afterId);
            statement.setInt(i, limit);
            return matches(statement);
        });
    }

    /** Every entity of the scope by id (no query): one key row each, the whole text's. */
    List<Match> all(String type, @Nullable String scope, long afterId, int limit) {
        String sql = "SELECT DISTINCT entity_id, " + Match.PREFIX + " FROM search_key WHERE entity_type = ?"
                + (scope == null ? "" : " AND scope = ?")
                + " AND kind = 'T' AND position = 0 AND entity_id > ? ORDER BY entity_id LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            int i = 1;
            statement.setString(i++, type);
            if (scope != null) {
                statement.setString(i++, scope);
            }
            statement.setLong(i++, afterId);
            statement.setInt(i, limit);
            return matches(statement);
        });
    }

    private static List<Match> matches(PreparedStatement statement) throws SQLException {
        List<Match> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(new Match(rows.getLong(1), rows.getInt(2)));
            }
        }
        return result;
    }

    private static void addSuffixes(
            PreparedStatement statement, String type, long id, String scope, String kind, String key)
            throws SQLException {
        int[] points = key.codePoints().toArray();
        for (int start = 0; start < points.length; start++) {
            int end = Math.min(points.length, start + SearchText.MAX_KEY);
            statement.setString(1, type);
            statement.setString(2, scope);
            statement.setString(3, new String(points, start, end - start));
            statement.setLong(4, id);
            statement.setString(5, kind);
            statement.setInt(6, start);
            statement.setInt(7, points.length);
            statement.addBatch();
        }
    }

    /** The query's own % and _ (and the escape) match themselves. */
    private static String escaped(String query) {
        return query.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
