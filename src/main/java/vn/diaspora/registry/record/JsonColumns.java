package vn.diaspora.registry.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Structured values (contacts, consent, ...) kept in jsonb columns. */
public final class JsonColumns {
    private JsonColumns() {
    }

    public static <T> T read(ObjectMapper json, String column, Class<T> type) {
        try {
            return column == null ? null : json.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " column", e);
        }
    }

    public static String write(ObjectMapper json, Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
