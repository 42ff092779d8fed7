package vn.diaspora.registry.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE clause of a list query, built from the filters a caller gave: each condition with its
 * own {@code ?} parameters, numbered and bound once the statement is whole. One builder for every
 * list (records, audit events, administrative units), native SQL or JPQL alike.
 */
public final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds a condition when its value is present; {@code ?} marks each use of the value. */
    public Where andIf(Object value, String condition) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return this;
        }
        long uses = condition.chars().filter(c -> c == '?').count();
        for (int i = 0; i < uses; i++) {
            params.add(value);
        }
        conditions.add(condition);
        return this;
    }

    public Where and(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    /** " WHERE a AND b ..." with plain {@code ?} markers. */
    public String conditions() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Numbers the {@code ?} markers from 1, as Hibernate's native queries want. */
    public static String number(String sql) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            sb.append(ch);
            if (ch == '?') {
                sb.append(++n);
            }
        }
        return sb.toString();
    }

    public List<Object> params() {
        return params;
    }

    /** The rows of a native {@code sql} whose plain {@code ?} markers take {@code params} in order. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> select(jakarta.persistence.EntityManager em, String sql, List<Object> params) {
        jakarta.persistence.Query query = em.createNativeQuery(number(sql));
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getResultList();
    }
}
