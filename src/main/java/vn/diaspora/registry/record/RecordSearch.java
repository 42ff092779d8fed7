package vn.diaspora.registry.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.diaspora.registry.common.Where;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds records by the words of their names. A query's words (normalised like the records':
 * lower case, no diacritics, any order) are looked up in each record's GIN-indexed word array;
 * each word may also match the dictionary words one typo away from it (found through the
 * dictionary's trigram index, kept when their Damerau-Levenshtein distance is 1, or 2 for long
 * words). A record's rank is the number of query words it matches only through a correction:
 * exact matches of every word first (rank 0), then one corrected word, and so on; within a rank,
 * in id order. A page is read rank by rank in (rank, id) order straight from the indexes, so a
 * cursor continues it without reading anything twice.
 */
@ApplicationScoped
public class RecordSearch {
    /** Query words looked up; more make a query no more precise, only slower. */
    static final int MAX_WORDS = 6;
    /** Corrections kept per query word, the most similar first. */
    static final int MAX_CORRECTIONS = 10;

    /**
     * Every word of the query, exactly. A word no record holds makes it a one-time false filter:
     * without that, PostgreSQL would take the word for a rare one, read the whole table in id
     * order for 21 rows that do not exist (430 ms at a million persons), and find nothing.
     */
    private static final String EXACT = """
            t.search_words @> registry_words(?) AND cardinality(registry_words(?)) > 0
            AND NOT EXISTS (SELECT 1 FROM unnest(registry_words(?)) w WHERE NOT EXISTS (SELECT 1 FROM search_word s WHERE s.word = w))""";

    @Inject
    EntityManager em;

    /** A query word and the dictionary words one typo away from it. */
    public record Word(String word, List<String> corrections) {
    }

    /** Where a page starts: after this id within this rank (null: from the start). */
    public record After(int rank, UUID id) {
    }

    /** A record found, with its rank. */
    public record Hit(UUID id, int rank) {
    }

    /**
     * The words of {@code query} with their corrections; none when it has no word. A correction is
     * a dictionary word one edit away (every such spelling of the word is looked up exactly: a swap
     * of the first letters, "tarn" for "tran", shares no trigram with it), or, for long words,
     * a trigram-similar one up to two edits away.
     */
    List<Word> words(String query) {
        List<Object[]> rows = Where.select(em, """
                SELECT q.w, coalesce((SELECT string_agg(s.word, ' ' ORDER BY s.word <-> q.w, s.word) FROM (
                           SELECT word FROM search_word WHERE word % q.w AND word <> q.w ORDER BY word <-> q.w, word LIMIT 20) s), '')
                FROM (SELECT w, min(n) AS n FROM unnest(registry_words(?)) WITH ORDINALITY u(w, n) GROUP BY w) q
                ORDER BY q.n LIMIT\s""" + MAX_WORDS, List.of(query));
        java.util.Map<String, java.util.Set<String>> spellings = new java.util.LinkedHashMap<>();
        for (Object[] r : rows) {
            spellings.put((String) r[0], Typos.oneEditAway((String) r[0]));
        }
        List<String> all = spellings.values().stream().flatMap(java.util.Set::stream).distinct().toList();
        java.util.Set<String> known = new java.util.HashSet<>();
        if (!all.isEmpty()) {
            Where.select(em, "SELECT word, 0 FROM search_word WHERE word = ANY(cast(? AS text[]))", List.of(array(all)))
                    .forEach(f -> known.add((String) f[0]));
        }
        List<Word> words = new ArrayList<>();
        for (Object[] r : rows) {
            String word = (String) r[0];
            java.util.Set<String> corrections = new java.util.LinkedHashSet<>();
            for (String spelling : spellings.get(word)) {
                if (known.contains(spelling) && corrections.size() < MAX_CORRECTIONS) {
                    corrections.add(spelling);
                }
            }
            for (String candidate : ((String) r[1]).split(" ")) {
                if (!candidate.isEmpty() && corrections.size() < MAX_CORRECTIONS
                        && Typos.distance(word, candidate) <= Typos.allowed(word)) {
                    corrections.add(candidate);
                }
            }
            words.add(new Word(word, List.copyOf(corrections)));
        }
        return words;
    }

    /**
     * Up to {@code count} records of {@code table} (aliased t) that match the query (null: every
     * record) and the filters, in (rank, id) order from {@code after}. Exact matches are looked up
     * with the query as it is; its words are corrected only when they do not fill the page.
     */
    public List<Hit> find(String table, String query, Where filters, After after, int count) {
        List<Hit> hits = new ArrayList<>();
        int from = after == null ? 0 : after.rank();
        if (from == 0) {
            page(table, filters, query == null ? null : EXACT, query == null ? List.of() : List.of(query, query, query), 0, after, count, hits);
        }
        if (query == null || hits.size() >= count) {
            return hits;
        }
        List<Word> words = words(query);
        int corrected = (int) words.stream().filter(w -> !w.corrections().isEmpty()).count();
        for (int rank = Math.max(from, 1); rank <= corrected && hits.size() < count; rank++) {
            List<String> conditions = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            List<String> misses = new ArrayList<>();
            List<Object> missParams = new ArrayList<>();
            for (Word w : words) {
                if (w.corrections().isEmpty()) {
                    conditions.add("t.search_words @> cast(? AS text[])");
                    params.add(array(List.of(w.word())));
                } else {
                    List<String> any = new ArrayList<>(w.corrections());
                    any.add(0, w.word());
                    conditions.add("t.search_words && cast(? AS text[])");
                    params.add(array(any));
                    misses.add("(NOT t.search_words @> cast(? AS text[]))::int");
                    missParams.add(array(List.of(w.word())));
                }
            }
            conditions.add(String.join(" + ", misses) + " = " + rank);
            params.addAll(missParams);
            page(table, filters, String.join(" AND ", conditions), params, rank, after, count, hits);
        }
        return hits;
    }

    /** Adds the records of one rank that {@code match} selects, in id order, until {@code hits} holds {@code count}. */
    private void page(String table, Where filters, String match, List<Object> matchParams, int rank, After after, int count,
                      List<Hit> hits) {
        List<Object> params = new ArrayList<>(filters.params());
        StringBuilder sql = new StringBuilder("SELECT t.id, " + rank + " FROM " + table + " t" + filters.conditions());
        String and = filters.conditions().isEmpty() ? " WHERE " : " AND ";
        if (match != null) {
            sql.append(and).append(match);
            params.addAll(matchParams);
            and = " AND ";
        }
        if (after != null && rank == after.rank()) {
            sql.append(and).append("t.id > ?");
            params.add(after.id());
        }
        sql.append(" ORDER BY t.id LIMIT ").append(count - hits.size());
        for (Object[] r : Where.select(em, sql.toString(), params)) {
            hits.add(new Hit((UUID) r[0], rank));
        }
    }

    /** A PostgreSQL array literal of words (they hold neither spaces nor punctuation, quoted all the same). */
    private static String array(List<String> words) {
        return "{" + String.join(",", words.stream().map(w -> "\"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }
}
