package vn.diaspora.registry.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.RequestId;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/** The version rows of records: written in the caller's transaction, read newest first. */
@jakarta.enterprise.context.RequestScoped
public class History {
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    RequestId requestId;
    @Inject
    SealedFields sealed;

    private static final String INSERT = """
            INSERT INTO record_version (collection, record_id, version, action, changed_fields, snapshot,
                                        actor, at, request_id, submission_id, reason, period)
            VALUES (?, ?, ?, ?, cast(? AS text[]), cast(? AS jsonb), ?, ?, ?, ?, ?, ?)""";
    private static final int BATCH = 500;

    /** Versions written by this request, inserted in batches: a submission writes thousands. */
    private final List<Object[]> pending = new ArrayList<>();

    /** {@code period}: the quarter a submission's version reports (it counts there in statistics), or null for a direct edit. */
    void write(String collection, RecordEntity e, String action, JsonNode before, JsonNode after, String reason, String period) {
        pending.add(new Object[]{collection, e.id, e.version, action, pgArray(changedFields(before, after)), sealed.seal(after).toString(),
                e.updatedBy, java.sql.Timestamp.from(e.updatedAt), requestId.value(), e.sourceSubmission, reason, period});
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Inserts the pending versions; called before the transaction that wrote them ends (by a record write, or by whoever applies many). */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement ps = connection.prepareStatement(INSERT)) {
                for (Object[] row : pending) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        pending.clear();
    }

    List<VersionView> read(String collection, UUID id) {
        flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT version, action, actor, at, array_to_string(changed_fields, ','), snapshot::text,
                               request_id, submission_id, reason
                        FROM record_version WHERE collection = ?1 AND record_id = ?2 ORDER BY version DESC LIMIT\s""" + Limits.HISTORY)
                .setParameter(1, collection).setParameter(2, id).getResultList();
        List<VersionView> versions = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String changed = (String) r[4];
            versions.add(new VersionView((Integer) r[0], (String) r[1], (String) r[2], vn.diaspora.registry.common.SqlValues.instant(r[3]),
                    changed.isEmpty() ? List.of() : List.of(changed.split(",")), sealed.open(parse((String) r[5])),
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



    private static String pgArray(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "}";
    }
}
