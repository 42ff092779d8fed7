package vn.diaspora.registry.duplicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.audit.AuditLog;
import vn.diaspora.registry.common.Cursor;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.SqlValues;
import vn.diaspora.registry.person.PersonData;
import vn.diaspora.registry.person.PersonService;
import vn.diaspora.registry.record.RecordView;
import vn.diaspora.registry.security.Caller;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The review queue of duplicate pairs: a pair is seen, merged or dismissed only by an officer
 * who may write both persons (a province officer: the pairs of the province). A merge keeps one
 * person with the fields the officer chose; "not a duplicate" is remembered, so the scan never
 * brings the pair back. Deciding a pair again the same way answers as the first time.
 */
@ApplicationScoped
public class DuplicateReview {
    public enum Status { OPEN, MERGED, NOT_DUPLICATE }

    /** Why the scan paired two persons. */
    public enum Reason { SAME_NAME_BIRTH_YEAR_HOMETOWN, SIMILAR_NAME_BIRTH_YEAR_HOMETOWN, SAME_CONTACT }

    @Schema(name = "DuplicatePair", description = "Two persons that are probably one, and what was decided")
    public record Pair(UUID id, @Schema(maxLength = 2) String provinceCode,
                       @Schema(format = "float", description = "Name similarity, 1 for the same name; 0.9 for the same contact") double score,
                       @Schema(maxItems = 3) List<Reason> reasons, Instant foundAt, Status status, UUID personA, UUID personB,
                       @Schema(maxItems = 2, description = "The pair's persons that are still live, as you may see them") List<RecordView<PersonData>> persons,
                       @Schema(maxLength = Limits.ACTOR) String decidedBy, Instant decidedAt,
                       @Schema(description = "The person kept by a merge") UUID survivor,
                       @Schema(maxLength = Limits.DELETE_REASON) String note) {
    }

    @Schema(name = "MergeRequest", description = "Which person stays, at which versions, and the fields it takes from the other")
    public record MergeRequest(
            @Schema(required = true, description = "personA or personB of the pair: the one that stays") UUID survivorId,
            @Schema(required = true, format = "int32", description = "The survivor's version the decision was made on (412 if it changed)") Integer survivorVersion,
            @Schema(required = true, format = "int32", description = "The other's version the decision was made on") Integer otherVersion,
            @Schema(maxItems = 30, description = "Fields the survivor takes from the other person, e.g. contacts; the rest stay the survivor's",
                    example = "[\"contacts\", \"occupation\"]") List<@jakarta.validation.constraints.Size(max = 50) String> fromOther) {
    }

    @Schema(name = "PairDecision")
    public record Dismissal(@Schema(maxLength = Limits.DELETE_REASON, example = "two brothers, born the same year") String note) {
    }

    private static final String COLUMNS = """
            SELECT d.id, d.province_code, d.score, d.reasons, d.found_at, d.status, d.person_a, d.person_b,
                   d.decided_by, d.decided_at, d.survivor, d.note
            FROM duplicate_pair d JOIN person a ON a.id = d.person_a JOIN person b ON b.id = d.person_b
            WHERE\s""";

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    PersonService persons;
    @Inject
    AuditLog audit;

    /** A page of the pairs in {@code status} that the caller may decide, most likely first. */
    /** Where a page of the queue continues: after the last pair's score and id. */
    private record After(double score, UUID id) {
    }

    @Transactional
    public Page<Pair> list(Status status, String province, UUID person, String limit, String cursor) {
        int n = Page.limit(limit);
        After after = Cursor.after(cursor, key -> {
            String[] parts = key.split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            return new After(Double.parseDouble(parts[0]), UUID.fromString(parts[1]));
        });
        List<Object> values = new ArrayList<>(List.of(status.name()));
        StringBuilder where = new StringBuilder("d.status = ?1 AND ").append(scope(values));
        if (province != null) {
            values.add(province);
            where.append(" AND d.province_code = ?").append(values.size());
        }
        if (person != null) {
            values.add(person);
            where.append(" AND ?").append(values.size()).append(" IN (d.person_a, d.person_b)");
        }
        if (after != null) {
            values.add(after.score());
            values.add(after.id());
            int s = values.size() - 1;
            where.append(" AND (d.score < ?").append(s).append(" OR (d.score = ?").append(s).append(" AND d.id > ?").append(s + 1).append("))");
        }
        List<Object[]> rows = rows(where + " ORDER BY d.score DESC, d.id LIMIT " + (n + 1), values);
        Page<Object[]> page = Page.of(rows, n, r -> ((Number) r[2]).doubleValue() + ":" + r[0]);
        return page.map(this::pair);
    }

    @Transactional
    public Pair get(UUID id) {
        return pair(find(id, false));
    }

    /** Merges the pair as {@code request} says; a repeated request answers as the first. */
    @Transactional
    public Pair merge(UUID id, MergeRequest request) {
        Object[] row = find(id, true);
        UUID a = (UUID) row[6];
        UUID b = (UUID) row[7];
        List<FieldError> errors = new ArrayList<>();
        if (request == null || request.survivorId() == null || !(request.survivorId().equals(a) || request.survivorId().equals(b))) {
            errors.add(new FieldError("survivorId", "required: personA or personB of the pair", ErrorCode.REQUIRED));
        }
        if (request == null || request.survivorVersion() == null) {
            errors.add(new FieldError("survivorVersion", "required: the survivor's version you decided on", ErrorCode.REQUIRED));
        }
        if (request == null || request.otherVersion() == null) {
            errors.add(new FieldError("otherVersion", "required: the other person's version you decided on", ErrorCode.REQUIRED));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Status status = Status.valueOf((String) row[5]);
        if (status == Status.MERGED && request.survivorId().equals(row[10])) {
            return pair(row);  // the same merge, asked again
        }
        if (status != Status.OPEN) {
            throw ProblemException.conflict("The pair was already decided: " + status, List.of(new FieldError("status", status.name())));
        }
        UUID other = request.survivorId().equals(a) ? b : a;
        persons.merge(request.survivorId(), request.survivorVersion(), other, request.otherVersion(),
                request.fromOther() == null ? List.of() : request.fromOther());
        decide(id, Status.MERGED, request.survivorId(), null);
        // the other person's other open pairs leave the queue; the next scan pairs the survivor instead
        em.createNativeQuery("DELETE FROM duplicate_pair WHERE status = 'OPEN' AND id <> ?1 AND ?2 IN (person_a, person_b)")
                .setParameter(1, id).setParameter(2, other).executeUpdate();
        return pair(find(id, false));
    }

    /** Marks the pair as not a duplicate, for good; asked again, answers the same. */
    @Transactional
    public Pair dismiss(UUID id, Dismissal dismissal) {
        Object[] row = find(id, true);
        Status status = Status.valueOf((String) row[5]);
        if (status == Status.NOT_DUPLICATE) {
            return pair(row);
        }
        if (status != Status.OPEN) {
            throw ProblemException.conflict("The pair was already decided: " + status, List.of(new FieldError("status", status.name())));
        }
        String note = dismissal == null || dismissal.note() == null || dismissal.note().isBlank() ? null : dismissal.note().strip();
        if (note != null && note.length() > Limits.DELETE_REASON) {
            throw ProblemException.invalid("note", "at most " + Limits.DELETE_REASON + " characters");
        }
        decide(id, Status.NOT_DUPLICATE, null, note);
        audit.record(AuditLog.Action.UPDATE, "duplicates", List.of((UUID) row[6], (UUID) row[7]), 2);
        return pair(find(id, false));
    }

    private void decide(UUID id, Status status, UUID survivor, String note) {
        em.createNativeQuery("UPDATE duplicate_pair SET status = ?2, decided_by = ?3, decided_at = now(), survivor = ?4, note = ?5 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, caller.subject())
                .setParameter(4, survivor).setParameter(5, note).executeUpdate();
    }

    /** The pair when the caller may decide it (else 404, as an unknown one); locked for a decision. */
    private Object[] find(UUID id, boolean lock) {
        List<Object> values = new ArrayList<>(List.of(id));
        List<Object[]> rows = rows("d.id = ?1 AND " + scope(values) + (lock ? " FOR UPDATE OF d" : ""), values);
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Duplicate pair " + id);
        }
        return rows.get(0);
    }

    /** Both persons within what the caller may write (the pairs it may decide). */
    private String scope(List<Object> values) {
        java.util.function.Function<Object, String> bind = value -> {
            values.add(value);
            return "?" + values.size();
        };
        return caller.officer().sql("a.reporting_unit", "a.province_code", bind) + " AND " + caller.officer().sql("b.reporting_unit", "b.province_code", bind);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String where, List<Object> values) {
        Query query = em.createNativeQuery(COLUMNS + where);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query.getResultList();
    }

    private Pair pair(Object[] r) {
        UUID a = (UUID) r[6];
        UUID b = (UUID) r[7];
        Map<UUID, RecordView<PersonData>> live = persons.read(List.of(a, b));
        return new Pair((UUID) r[0], (String) r[1], ((Number) r[2]).doubleValue(), Arrays.stream((String[]) r[3]).map(Reason::valueOf).toList(),
                SqlValues.instant(r[4]), Status.valueOf((String) r[5]), a, b, List.copyOf(live.values()),
                (String) r[8], r[9] == null ? null : SqlValues.instant(r[9]), (UUID) r[10], (String) r[11]);
    }
}
