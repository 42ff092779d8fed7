package vn.diaspora.registry.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.diaspora.registry.common.RequestId;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** The version rows of records: written in the caller's transaction, read newest first. */
@ApplicationScoped
public class History {
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    RequestId requestId;

    void write(String collection, RecordEntity e, String action, JsonNode before, JsonNode after, String reason) {
        em.createNativeQuery("""
                        INSERT INTO record_version (collection, record_id, version, action, changed_fields, snapshot,
                                                    actor, at, request_id, submission_id, reason)
                        VALUES (?1, ?2, ?3, ?4, cast(?5 AS text[]), cast(?6 AS jsonb), ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, collection)
                .setParameter(2, e.id)
                .setParameter(3, e.version)
                .setParameter(4, action)
                .setParameter(5, pgArray(changedFields(before, after)))
                .setParameter(6, after.toString())
                .setParameter(7, e.updatedBy)
                .setParameter(8, e.updatedAt)
                .setParameter(9, requestId.value())
                .setParameter(10, e.sourceSubmission)
                .setParameter(11, reason)
                .executeUpdate();
    }

    List<VersionView> read(String collection, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT version, action, actor, at, array_to_string(changed_fields, ','), snapshot::text,
                               request_id, submission_id, reason
                        FROM record_version WHERE collection = ?1 AND record_id = ?2 ORDER BY version DESC""")
                .setParameter(1, collection).setParameter(2, id).getResultList();
        List<VersionView> versions = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String changed = (String) r[4];
            versions.add(new VersionView((Integer) r[0], (String) r[1], (String) r[2], instant(r[3]),
                    changed.isEmpty() ? List.of() : List.of(changed.split(",")), parse((String) r[5]),
                    (String) r[6], (UUID) r[7], (String) r[8]));
        }
        return versions;
    }

    /** Top-level fields whose values differ; all present fields for a first version. */
    static List<String> changedFields(JsonNode before, JsonNode after) {
        TreeSet<String> names = new TreeSet<>();
        Iterator<String> it = after.fieldNames();
        it.forEachRemaining(names::add);
        if (before != null) {
            before.fieldNames().forEachRemaining(names::add);
            names.removeIf(n -> java.util.Objects.equals(before.get(n), after.get(n)));
        } else {
            names.removeIf(n -> after.get(n).isNull());
        }
        return List.copyOf(names);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : Instant.parse(value.toString());
    }

    private static String pgArray(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "}";
    }
}
