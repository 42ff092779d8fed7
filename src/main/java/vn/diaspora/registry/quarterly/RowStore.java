package vn.diaspora.registry.quarterly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Text;
import vn.diaspora.registry.common.Validation;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemInput;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.SealedFields;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The rows of submissions: stored from JSON or from a file (RowFile and RowParser read it), upserted by
 * kind and row key, their contacts and notes encrypted (FieldCipher), read back in order and in
 * chunks. Whether a submission may be changed is the workflow's question (QuarterlyService).
 */
@ApplicationScoped
class RowStore {
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    SealedFields sealed;
    @Inject
    Validation validation;
    @Inject
    CodeLists codes;
    @ConfigProperty(name = "registry.quarterly.max-rows", defaultValue = "" + Limits.SUBMISSION_ROWS)
    int maxRows;

    /** Adds or replaces rows by kind and row key; any bad row stores none. */
    QuarterlyViews.UploadSummary put(UUID id, List<ItemInput> items) {
        if (items == null || items.isEmpty()) {
            throw ProblemException.missingBody();
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemInput in = items.get(i);
            if (in == null) {
                errors.add(new FieldError("[" + i + "]", "required"));
                continue;
            }
            int row = i;
            validation.errors(in).forEach(f -> errors.add(f.at("[" + row + "]." + f.field())));
            FieldError text = Text.problemIn("[" + row + "].data", in.data());
            if (text != null) {
                errors.add(text);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        int position = lastPosition(id);
        for (ItemInput in : items) {
            SubmissionItem.Key key = new SubmissionItem.Key();
            key.submissionId = id;
            key.kind = in.kind();
            key.rowKey = in.rowKey();
            SubmissionItem item = em.find(SubmissionItem.class, key);
            boolean added = item == null;
            if (added) {
                item = new SubmissionItem();
                item.submissionId = id;
                item.kind = in.kind();
                item.rowKey = in.rowKey();
                item.position = ++position;
            }
            item.action = in.action();
            item.recordId = in.recordId();
            item.baseVersion = in.baseVersion();
            item.data = in.data() == null || in.data().isNull() ? null : sealed.seal(Text.cleanTexts(in.data())).toString();
            item.reason = in.reason();
            item.sheet = null;
            item.line = null;
            if (added) {
                em.persist(item);
            }
        }
        em.flush();
        return new QuarterlyViews.UploadSummary(id, items.size(), checkRowCount(id));
    }

    /**
     * Stores the rows of an uploaded CSV or XLSX file (streamed, upserted by row key in batches);
     * any bad row stores none. What one file may cost is bounded while it is read: an XLSX is
     * refused when it inflates too far (WorkbookInflation), reading stops at the row limit, at
     * the hundredth problem or repeated row key, and the rows go to the database in batches.
     */
    QuarterlyViews.UploadSummary upload(UUID id, InputStream body, RecordKind csvKind) {
        int[] counters = {lastPosition(id), 0};
        Set<String> keys = new HashSet<>();
        List<FieldError> duplicates = new ArrayList<>();
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO submission_item (submission_id, kind, row_key, action, record_id, base_version, data, reason, position, sheet, line)
                    VALUES (?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?, ?, ?)
                    ON CONFLICT (submission_id, kind, row_key) DO UPDATE SET action = excluded.action, record_id = excluded.record_id,
                        base_version = excluded.base_version, data = excluded.data, reason = excluded.reason,
                        sheet = excluded.sheet, line = excluded.line""")) {
                Consumer<UploadRow> sink = row -> {
                    if (keys.size() + duplicates.size() >= maxRows) {
                        throw RowFile.refused("a submission holds at most " + maxRows + " rows; the file has more", ErrorCode.TOO_MANY_ROWS);
                    }
                    if (!keys.add(SubmissionItem.name(row.kind(), row.rowKey()))) {
                        duplicates.add(new FieldError(row.sheet() + " row " + row.line(), "row key '" + row.rowKey() + "' appears twice", ErrorCode.REPEATED_ROW_KEY));
                        if (duplicates.size() >= RowParser.MAX_ERRORS) {
                            throw repeatedKeys(duplicates);
                        }
                        return;
                    }
                    try {
                        ps.setObject(1, id);
                        ps.setString(2, row.kind().name());
                        ps.setString(3, row.rowKey());
                        ps.setString(4, row.action().name());
                        ps.setObject(5, row.recordId());
                        ps.setObject(6, row.baseVersion(), java.sql.Types.INTEGER);
                        ps.setString(7, row.data() == null ? null : sealed.seal(Text.cleanTexts(row.data())).toString());
                        ps.setString(8, row.reason());
                        ps.setInt(9, ++counters[0]);
                        ps.setString(10, row.sheet());
                        ps.setInt(11, (int) row.line());
                        ps.addBatch();
                        if (++counters[1] % 1000 == 0) {
                            ps.executeBatch();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                };
                RowFile.of(body, csvKind).read(new RowParser(sink, codes));
                ps.executeBatch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!duplicates.isEmpty()) {
            throw repeatedKeys(duplicates);
        }
        return new QuarterlyViews.UploadSummary(id, counters[1], checkRowCount(id));
    }

    private static ProblemException repeatedKeys(List<FieldError> duplicates) {
        return new ProblemException(ProblemException.Reason.INVALID, "The file was not stored: row keys must be unique",
                duplicates.subList(0, Math.min(duplicates.size(), RowParser.MAX_ERRORS)));
    }

    /** A submission holds at most registry.quarterly.max-rows rows; a change that would pass it is refused whole. */
    private int checkRowCount(UUID id) {
        long rows = SubmissionItem.count("submissionId", id);
        if (rows > maxRows) {
            throw ProblemException.invalid("body", "a submission holds at most " + maxRows + " rows; with these it would hold " + rows);
        }
        return (int) rows;
    }

    /** Position of the submission's last row (0 when it has none): new rows go after it. */
    private int lastPosition(UUID id) {
        Integer last = em.createQuery("SELECT max(i.position) FROM SubmissionItem i WHERE i.submissionId = :s", Integer.class)
                .setParameter("s", id).getSingleResult();
        return last == null ? 0 : last;
    }

    /** Where a row came from (sheet and line of its file; none for a row sent as JSON). */
    void origin(UUID id, RecordKind kind, String rowKey, String sheet, Integer line) {
        em.createQuery("UPDATE SubmissionItem SET sheet = :sheet, line = :line WHERE submissionId = :s AND kind = :kind AND rowKey = :key")
                .setParameter("sheet", sheet).setParameter("line", line).setParameter("s", id).setParameter("kind", kind)
                .setParameter("key", rowKey).executeUpdate();
    }

    void delete(UUID id, RecordKind kind, String rowKey) {
        long n = SubmissionItem.delete("submissionId = ?1 AND kind = ?2 AND rowKey = ?3", id, kind, rowKey);
        if (n == 0) {
            throw ProblemException.notFound("Row " + kind + "/" + rowKey);
        }
    }

    /** The rows at these positions, in order. */
    List<SubmissionItem> at(UUID id, List<Integer> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return em.createQuery("FROM SubmissionItem WHERE submissionId = :s AND position IN :p ORDER BY position", SubmissionItem.class)
                .setParameter("s", id).setParameter("p", positions).getResultList();
    }

    /** Up to {@code count} rows after {@code position}, in order. */
    List<SubmissionItem> after(UUID id, int position, int count) {
        return em.createQuery("FROM SubmissionItem WHERE submissionId = :s AND position > :after ORDER BY position", SubmissionItem.class)
                .setParameter("s", id).setParameter("after", position).setMaxResults(count).getResultList();
    }

    SubmissionItem find(UUID id, RecordKind kind, String rowKey) {
        SubmissionItem.Key key = new SubmissionItem.Key();
        key.submissionId = id;
        key.kind = kind;
        key.rowKey = rowKey;
        return em.find(SubmissionItem.class, key);
    }

    java.util.Map<SubmissionItem.Action, Long> countByAction(UUID id) {
        java.util.Map<SubmissionItem.Action, Long> counts = new java.util.EnumMap<>(SubmissionItem.Action.class);
        for (SubmissionItem.Action a : SubmissionItem.Action.values()) {
            counts.put(a, 0L);
        }
        em.createQuery("SELECT action, count(*) FROM SubmissionItem WHERE submissionId = :s GROUP BY action", Object[].class)
                .setParameter("s", id).getResultList().forEach(r -> counts.put((SubmissionItem.Action) r[0], (Long) r[1]));
        return counts;
    }

    /** The rows named by {@link SubmissionItem#name}, in order; names of rows no longer there are passed over. */
    List<SubmissionItem> named(UUID id, java.util.Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> keys = names.stream().map(n -> n.substring(n.indexOf('/') + 1)).distinct().toList();
        return em.createQuery("FROM SubmissionItem WHERE submissionId = :s AND rowKey IN :keys ORDER BY position", SubmissionItem.class)
                .setParameter("s", id).setParameter("keys", keys).getResultStream()
                .filter(row -> names.contains(SubmissionItem.name(row.kind, row.rowKey))).toList();
    }

    long count(UUID id) {
        return SubmissionItem.count("submissionId", id);
    }

    /** Rows are read in chunks, and the persistence context cleared after each: a 50,000-row submission never sits in memory whole. */
    private static final int CHUNK = 500;

    void forEach(UUID id, Consumer<SubmissionItem> action) {
        int after = 0;
        while (true) {
            List<SubmissionItem> chunk = after(id, after, CHUNK);
            if (chunk.isEmpty()) {
                return;
            }
            chunk.forEach(action);
            after = chunk.get(chunk.size() - 1).position;
            em.flush();
            em.clear();
        }
    }

    /** A row's data as sent: its contacts and notes are kept encrypted (FieldCipher). */
    JsonNode data(SubmissionItem row) {
        String data = row.data;
        try {
            return data == null ? null : sealed.open(json.readTree(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
