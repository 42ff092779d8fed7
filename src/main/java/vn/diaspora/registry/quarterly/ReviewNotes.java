package vn.diaspora.registry.quarterly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.diaspora.registry.quarterly.QuarterlyViews.RowComment;
import vn.diaspora.registry.record.RecordKind;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What people decided about a submission's rows: "not a duplicate" for a pair (row, existing
 * person), and the reviewer's comment per row with the review it belongs to.
 */
@ApplicationScoped
class ReviewNotes {
    @Inject
    EntityManager em;

    void notDuplicate(UUID submission, RecordKind kind, String rowKey, UUID person, String actor) {
        em.createNativeQuery("""
                        INSERT INTO duplicate_decision (submission_id, kind, row_key, person_id, decided_by, decided_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING""")
                .setParameter(1, submission).setParameter(2, kind.name()).setParameter(3, rowKey).setParameter(4, person)
                .setParameter(5, actor).setParameter(6, Timestamp.from(Instant.now())).executeUpdate();
    }

    /** The pairs decided "not a duplicate", as {@link #pair}. */
    Set<String> notDuplicates(UUID submission) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT kind, row_key, person_id FROM duplicate_decision WHERE submission_id = ?1")
                .setParameter(1, submission).getResultList();
        Set<String> pairs = new HashSet<>();
        rows.forEach(r -> pairs.add(pair(RecordKind.valueOf((String) r[0]), (String) r[1], (UUID) r[2])));
        return pairs;
    }

    static String pair(RecordKind kind, String rowKey, UUID person) {
        return SubmissionItem.name(kind, rowKey) + "/" + person;
    }

    /**
     * Stores the comments of the review that the submission's latest event records, with the
     * drafts the reviewer saved while paging through the rows (a comment given now wins).
     */
    void comment(UUID submission, List<RowComment> comments) {
        int seq = latestEvent(submission);
        for (RowComment c : comments == null ? List.<RowComment>of() : comments) {
            upsert(submission, seq, c);
        }
        em.createNativeQuery("""
                        INSERT INTO row_comment (submission_id, event_seq, kind, row_key, comment)
                        SELECT submission_id, ?2, kind, row_key, comment FROM row_comment
                        WHERE submission_id = ?1 AND event_seq = (SELECT max(seq) FROM submission_event WHERE submission_id = ?1 AND seq < ?2)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, submission).setParameter(2, seq).executeUpdate();
    }

    /**
     * Keeps row comments written during a review before its decision, on the submission's latest
     * event (the submit): a blank comment removes the row's draft.
     */
    void draft(UUID submission, List<RowComment> comments) {
        int seq = latestEvent(submission);
        for (RowComment c : comments) {
            if (c.comment() == null || c.comment().isBlank()) {
                em.createNativeQuery("DELETE FROM row_comment WHERE submission_id = ?1 AND event_seq = ?2 AND kind = ?3 AND row_key = ?4")
                        .setParameter(1, submission).setParameter(2, seq).setParameter(3, c.kind().name()).setParameter(4, c.rowKey())
                        .executeUpdate();
            } else {
                upsert(submission, seq, c);
            }
        }
    }

    /** The row comments drafted in the review under way, by {@link SubmissionItem#name}. */
    Map<String, String> drafts(UUID submission) {
        return comments(submission, """
                SELECT seq FROM submission_event WHERE submission_id = ?1 AND to_state = 'SUBMITTED'
                AND seq = (SELECT max(seq) FROM submission_event WHERE submission_id = ?1)""");
    }

    private int latestEvent(UUID submission) {
        return ((Number) em.createNativeQuery("SELECT max(seq) FROM submission_event WHERE submission_id = ?1")
                .setParameter(1, submission).getSingleResult()).intValue();
    }

    private void upsert(UUID submission, int seq, RowComment c) {
        em.createNativeQuery("""
                        INSERT INTO row_comment (submission_id, event_seq, kind, row_key, comment) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (submission_id, event_seq, kind, row_key) DO UPDATE SET comment = excluded.comment""")
                .setParameter(1, submission).setParameter(2, seq).setParameter(3, c.kind().name()).setParameter(4, c.rowKey())
                .setParameter(5, c.comment()).executeUpdate();
    }

    /** The row comments of the submission's latest review (accept or return), by {@link SubmissionItem#name}. */
    Map<String, String> latestComments(UUID submission) {
        return comments(submission, "SELECT max(seq) FROM submission_event WHERE submission_id = ?1 AND to_state IN ('ACCEPTED', 'RETURNED')");
    }

    /** The row comments kept on the event {@code event} selects. */
    private Map<String, String> comments(UUID submission, String event) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.kind, c.row_key, c.comment FROM row_comment c WHERE c.submission_id = ?1 AND c.event_seq = ("
                        + event + ")")
                .setParameter(1, submission).getResultList();
        Map<String, String> comments = new HashMap<>();
        rows.forEach(r -> comments.put(SubmissionItem.name(RecordKind.valueOf((String) r[0]), (String) r[1]), (String) r[2]));
        return comments;
    }
}
