package vn.diaspora.registry.quarterly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.SqlValues;
import vn.diaspora.registry.common.Where;
import vn.diaspora.registry.security.Reach;
import vn.diaspora.registry.person.LikelyDuplicates;
import vn.diaspora.registry.record.RecordKind;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The last dry run of a submission, kept: every finding that is not OK (a row without one is OK),
 * replaced as its rows change, read a page at a time, so that a report's page never checks
 * 20,000 rows again to show 200 of them. A likely duplicate is kept with the existing person's
 * unit and province; it is told to each reader as their scope allows (QuarterlyService).
 */
@ApplicationScoped
public class CheckedFindings {
    /** A finding as the check made it, before it is told to a reader. */
    record Kept(int position, RecordKind kind, String rowKey, String sheet, Integer line, String level, ErrorCode code,
                String field, String detail, LikelyDuplicates.Match duplicate) {
        /** A finding of a row, where the row is (its position, key, sheet and line). */
        static Kept of(SubmissionItem row, String level, ErrorCode code, String field, String detail, LikelyDuplicates.Match duplicate) {
            return new Kept(row.position, row.kind, row.rowKey, row.sheet, row.line, level, code, field, detail, duplicate);
        }
    }

    /** What a page lists: errors, errors and warnings (the default), or the rows without either. */
    public enum Shown { ERRORS, PROBLEMS, OK }

    /** Rows of the last check: all, OK, with warnings only, with errors; and when it ran (null: not since the rows changed). */
    record Counts(int rows, int ok, int warnings, int errors, Instant checkedAt) {
    }

    private static final int BATCH = 1000;

    @Inject
    EntityManager em;

    /** Replaces the findings of one row ({@code position}), or of all rows (null), by {@code findings}, and stamps the check. */
    void replace(UUID submission, Integer position, List<Kept> findings) {
        em.flush();
        if (position == null) {
            em.createNativeQuery("DELETE FROM submission_finding WHERE submission_id = ?1").setParameter(1, submission).executeUpdate();
        } else {
            em.createNativeQuery("DELETE FROM submission_finding WHERE submission_id = ?1 AND position = ?2")
                    .setParameter(1, submission).setParameter(2, position).executeUpdate();
        }
        int first = ((Number) em.createNativeQuery("SELECT coalesce(max(seq), 0) FROM submission_finding WHERE submission_id = ?1")
                .setParameter(1, submission).getSingleResult()).intValue();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO submission_finding (submission_id, seq, position, kind, row_key, sheet, line, level, code, field, detail,
                                                    person_id, person_unit, person_province)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int seq = first;
                for (Kept k : findings) {
                    ps.setObject(1, submission);
                    ps.setInt(2, ++seq);
                    ps.setInt(3, k.position());
                    ps.setString(4, k.kind().name());
                    ps.setString(5, k.rowKey());
                    ps.setString(6, k.sheet());
                    ps.setObject(7, k.line(), Types.INTEGER);
                    ps.setString(8, k.level());
                    ps.setString(9, k.code() == null ? null : k.code().name());
                    ps.setString(10, k.field());
                    ps.setString(11, k.detail());
                    ps.setObject(12, k.duplicate() == null ? null : k.duplicate().id());
                    ps.setString(13, k.duplicate() == null ? null : k.duplicate().reportingUnit());
                    ps.setString(14, k.duplicate() == null ? null : k.duplicate().provinceCode());
                    ps.addBatch();
                    if ((seq - first) % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
        em.createNativeQuery("UPDATE submission SET checked_at = now() WHERE id = ?1").setParameter(1, submission).executeUpdate();
    }

    /** When the last check ran; null when the rows changed since (or never checked). */
    Instant checkedAt(UUID submission) {
        return SqlValues.instant(em.createNativeQuery("SELECT checked_at FROM submission WHERE id = ?1").setParameter(1, submission).getSingleResult());
    }

    /** The rows changed since the last check: it is to be run again before it is shown. */
    void stale(UUID submission) {
        em.createNativeQuery("UPDATE submission SET checked_at = NULL WHERE id = ?1").setParameter(1, submission).executeUpdate();
    }

    Counts counts(UUID submission) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        SELECT (SELECT count(*) FROM submission_item WHERE submission_id = ?1),
                               count(*) FILTER (WHERE NOT f.error), count(*) FILTER (WHERE f.error),
                               (SELECT checked_at FROM submission WHERE id = ?1)
                        FROM (SELECT bool_or(level = 'ERROR') AS error FROM submission_finding WHERE submission_id = ?1 GROUP BY position) f""")
                .setParameter(1, submission).getSingleResult();
        int rows = ((Number) r[0]).intValue();
        int warnings = ((Number) r[1]).intValue();
        int errors = ((Number) r[2]).intValue();
        return new Counts(rows, rows - warnings - errors, warnings, errors, SqlValues.instant(r[3]));
    }

    /** A page of the kept findings, errors first, then in the rows' order; or of the rows without any, as OK findings. */
    List<Kept> page(UUID submission, Shown shown, int offset, int limit) {
        if (shown == Shown.OK) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT i.position, i.kind, i.row_key, i.sheet, i.line FROM submission_item i
                            WHERE i.submission_id = ?1
                              AND NOT EXISTS (SELECT 1 FROM submission_finding f WHERE f.submission_id = ?1 AND f.position = i.position)
                            ORDER BY i.position OFFSET ?2 LIMIT ?3""")
                    .setParameter(1, submission).setParameter(2, offset).setParameter(3, limit).getResultList();
            return rows.stream().map(r -> new Kept(((Number) r[0]).intValue(), RecordKind.valueOf((String) r[1]), (String) r[2], (String) r[3],
                    r[4] == null ? null : ((Number) r[4]).intValue(), "OK", ErrorCode.VALID, null, null, null)).toList();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT position, kind, row_key, sheet, line, level, code, field, detail, person_id, person_unit, person_province
                        FROM submission_finding WHERE submission_id = ?1 AND (?2 OR level = 'ERROR')
                        ORDER BY level = 'ERROR' DESC, position, seq OFFSET ?3 LIMIT ?4""")
                .setParameter(1, submission).setParameter(2, shown == Shown.PROBLEMS).setParameter(3, offset).setParameter(4, limit)
                .getResultList();
        return rows.stream().map(CheckedFindings::kept).toList();
    }

    /**
     * Positions of the rows after {@code after} that have a finding of {@code code}, in order; a
     * likely duplicate only when {@code reach} admits its person (one the reader may decide on).
     */
    List<Integer> positionsWith(UUID submission, ErrorCode code, Reach reach, int after, int limit) {
        Where where = new Where().and("t.submission_id = ?", submission).and("t.code = ?", code.name()).and("t.position > ?", after);
        if (code == ErrorCode.LIKELY_DUPLICATE) {
            reach.restrict(where);
        }
        List<Object> params = new java.util.ArrayList<>(where.params());
        params.add(limit);
        return Where.select(em, """
                        SELECT DISTINCT t.position, 0 FROM (SELECT submission_id, code, position, person_unit AS reporting_unit,
                                                                person_province AS province_code FROM submission_finding) t"""
                        + where.conditions() + " ORDER BY t.position LIMIT ?", params)
                .stream().map(r -> ((Number) r[0]).intValue()).toList();
    }

    /** The codes of the kept findings, each with how many rows have it, the most frequent first. */
    java.util.Map<ErrorCode, Long> codes(UUID submission) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT code, count(DISTINCT position) FROM submission_finding WHERE submission_id = ?1 AND code IS NOT NULL
                        GROUP BY code ORDER BY 2 DESC, 1""").setParameter(1, submission).getResultList();
        java.util.Map<ErrorCode, Long> codes = new java.util.LinkedHashMap<>();
        rows.forEach(r -> codes.put(ErrorCode.valueOf((String) r[0]), ((Number) r[1]).longValue()));
        return codes;
    }

    /** The kept findings of the rows from position {@code from} to {@code to}, in order. */
    List<Kept> ofRows(UUID submission, int from, int to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT position, kind, row_key, sheet, line, level, code, field, detail, person_id, person_unit, person_province
                        FROM submission_finding WHERE submission_id = ?1 AND position BETWEEN ?2 AND ?3 ORDER BY position, seq""")
                .setParameter(1, submission).setParameter(2, from).setParameter(3, to).getResultList();
        return rows.stream().map(CheckedFindings::kept).toList();
    }

    private static Kept kept(Object[] r) {
        LikelyDuplicates.Match duplicate = r[9] == null ? null : new LikelyDuplicates.Match((UUID) r[9], (String) r[10], (String) r[11]);
        return new Kept(((Number) r[0]).intValue(), RecordKind.valueOf((String) r[1]), (String) r[2], (String) r[3],
                r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5], r[6] == null ? null : ErrorCode.valueOf((String) r[6]),
                (String) r[7], (String) r[8], duplicate);
    }
}
