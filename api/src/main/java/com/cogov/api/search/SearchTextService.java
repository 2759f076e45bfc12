package com.cogov.api.search;

import com.cogov.api.paging.RankCursor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * The search-text piece (docs/platform: search text): finds entities of a type (a pharmacy, later a drug) by a Chinese
 * substring of their name or by its pinyin initials ({@code kzt} finds 康泰克), index-backed, ranked exact > prefix >
 * contains, then by id. Generic: the owning feature says what text an entity has and in which scope (a district) it is
 * searched, and keeps it current in the transaction of each change.
 */
@Singleton
public class SearchTextService {

    /** A query longer than a key finds nothing a shorter one would not. */
    public static final int MAX_QUERY = SearchText.MAX_KEY;

    private final SearchKeys keys;

    SearchTextService(SearchKeys keys) {
        this.keys = keys;
    }

    /**
     * Makes the entity findable by this text (replacing what it had), in the caller's transaction.
     *
     * @param scope where it is searched (e.g. its district code); null for none
     */
    @Transactional
    public void index(String type, long id, @Nullable String scope, String text) {
        index(type, id, scope, List.of(text));
    }

    /**
     * Makes the entity findable by any of these texts (a drug by its name, generic name or maker), each ranked on its
     * own: a query is exact or a prefix of one of them.
     */
    @Transactional
    public void index(String type, long id, @Nullable String scope, List<String> texts) {
        keys.replace(type, id, scope == null ? "" : scope, keyed(texts));
    }

    /**
     * Makes many entities findable at once (a rebuild: drugs loaded by an import, a dataset), each by its texts, in
     * batches: thousands in seconds rather than a transaction each.
     *
     * @param texts entity id → its texts
     * @param scopes entity id → its scope; absent for none
     */
    @Transactional
    public void indexAll(String type, java.util.Map<Long, List<String>> texts, java.util.Map<Long, String> scopes) {
        List<SearchKeys.Keyed> keyed = texts.entrySet().stream()
                .map(e -> new SearchKeys.Keyed(e.getKey(), scopes.getOrDefault(e.getKey(), ""), keyed(e.getValue())))
                .toList();
        keys.replaceAll(type, keyed);
    }

    private static List<String[]> keyed(List<String> texts) {
        return texts.stream()
                .map(SearchText::normalized)
                .filter(t -> !t.isEmpty())
                .distinct()
                .map(t -> new String[] {t, SearchText.initials(t)})
                .toList();
    }

    @Transactional
    public void remove(String type, long id) {
        keys.delete(type, id);
    }

    @ReadOnly
    public Set<Long> indexedIds(String type) {
        return keys.indexedIds(type);
    }

    /**
     * The best matches first, strictly after the cursor; a blank query lists the scope's entities by id.
     *
     * @param fetch how many rows to read (a page and one more)
     */
    @ReadOnly
    public List<Match> find(
            String type, @Nullable String scope, @Nullable String query, @Nullable RankCursor after, int fetch) {
        String q = query == null ? "" : SearchText.normalized(query);
        int afterRank = after == null ? -1 : (int) after.value();
        long afterId = after == null ? 0 : after.id();
        if (q.isEmpty()) {
            return keys.all(type, scope, afterRank > Match.PREFIX ? Long.MAX_VALUE : afterId, fetch);
        }
        if (SearchText.length(q) > MAX_QUERY) {
            return List.of();
        }
        return keys.find(type, scope, q, afterRank, afterId, fetch);
    }
}
