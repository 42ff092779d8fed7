package vn.diaspora.registry.record;

import vn.diaspora.registry.security.Reach;
import java.util.ArrayList;
import java.util.List;

/** WHERE conditions of a list query, each with its own {@code ?} parameters. */
public final class RecordQuery {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds a condition when its value is present; {@code ?} marks each use of the value. */
    public RecordQuery andIf(Object value, String condition) {
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

    public RecordQuery and(String condition, Object... values) {
        conditions.add(condition);
        params.addAll(List.of(values));
        return this;
    }

    /** Only the records that {@code reach} admits. */
    public RecordQuery within(Reach reach) {
        if (!reach.isAll()) {
            conditions.add(reach.sql("t.reporting_unit", "t.province_code", value -> {
                params.add(value);
                return "?";
            }));
        }
        return this;
    }

    /** " WHERE a AND b ..." with plain {@code ?} markers. */
    String conditions() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Numbers the {@code ?} markers from 1, as Hibernate's native queries want. */
    static String number(String sql) {
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

    List<Object> params() {
        return params;
    }
}
