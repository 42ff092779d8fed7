package vn.diaspora.registry.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import vn.diaspora.registry.common.Cursor;
import vn.diaspora.registry.common.ETags;
import vn.diaspora.registry.common.Hashing;
import vn.diaspora.registry.common.Ids;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Validation;
import vn.diaspora.registry.reference.ReferenceData;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.Caller.Scope;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The life of a registry record, the same for persons, associations, businesses and
 * contributions: scoped reads, validated writes with optimistic concurrency, a version row per
 * change in the same transaction, soft delete, keyset-paged search. A feature supplies the
 * mapping between its entity and its data, and its own rules.
 */
public abstract class RecordService<E extends RecordEntity, D extends RecordData> {
    @Inject
    protected EntityManager em;
    @Inject
    protected Caller caller;
    @Inject
    protected ReferenceData reference;
    @Inject
    protected ObjectMapper json;
    @Inject
    Validation validation;
    @Inject
    History history;

    private final String collection;
    private final String table;
    private final Class<E> entityClass;
    private final Class<D> dataClass;

    protected RecordService(String collection, String table, Class<E> entityClass, Class<D> dataClass) {
        this.collection = collection;
        this.table = table;
        this.entityClass = entityClass;
        this.dataClass = dataClass;
    }

    protected abstract E newEntity();

    protected abstract D toData(E entity);

    /** Copies the (validated) data onto the entity. */
    protected abstract void apply(D data, E entity);

    /** Rules beyond the annotations: references to codes and other records. */
    protected abstract List<FieldError> check(D data);

    /** The reporting unit the data implies when none is given, or null. */
    protected abstract String impliedUnit(D data);

    /** Fields that only officers see (left out for other systems). */
    protected abstract List<String> contactFields();

    /** What a missing record is called in messages, e.g. "Person". */
    protected abstract String noun();

    // ---- reads --------------------------------------------------------------------------------

    public RecordView<D> get(UUID id) {
        return view(findReadable(id, false));
    }

    public List<VersionView> history(UUID id) {
        findReadable(id, true);
        List<VersionView> versions = history.read(collection, id);
        if (caller.seesContacts()) {
            return versions;
        }
        return versions.stream().map(v -> new VersionView(v.version(), v.action(), v.actor(), v.at(),
                v.changedFields(), redact(v.snapshot()), v.requestId(), v.submissionId(), v.reason())).toList();
    }

    /**
     * A page of live records in the caller's scope. With {@code q}, records whose search text
     * is word-similar to the query (case, diacritics and a typo do not matter), nearest first,
     * read in that order from the GiST trigram index; else in id (creation) order.
     */
    public Page<RecordView<D>> list(String q, Params.Paging paging, RecordQuery filters) {
        int n = Page.limit(paging.limit);
        Scope scope = caller.readScope();
        filters.and("t.deleted_at IS NULL")
                .andIf(scope.unit(), "t.reporting_unit = ?")
                .andIf(scope.province(), "t.province_code = ?");
        String query = q == null ? "" : Normalizer.normalize(q.strip(), Normalizer.Form.NFC);
        if (query.length() > 200) {
            throw ProblemException.badParameter("q", "at most 200 characters");
        }
        boolean search = !query.isEmpty();
        String distance = "t.search_text <->> registry_norm(?)";
        List<Object> params = new ArrayList<>();
        String sql;
        if (search) {
            filters.and("registry_norm(?) <% t.search_text", query);
            List<String> after = Cursor.decode(paging.cursor, 2);
            if (after != null) {
                filters.and("(" + distance + " > cast(? AS real) OR (" + distance + " = cast(? AS real) AND t.id > ?))",
                        query, parseScore(after.get(0)), query, parseScore(after.get(0)), cursorId(after.get(1)));
            }
            params.add(query);
            params.addAll(filters.params());
            params.add(query);
            sql = "SELECT t.id, " + distance + " AS distance FROM " + table + " t" + filters.conditions()
                    + " ORDER BY " + distance + ", t.id LIMIT " + (n + 1);
        } else {
            List<String> after = Cursor.decode(paging.cursor, 1);
            if (after != null) {
                filters.and("t.id > ?", cursorId(after.get(0)));
            }
            params.addAll(filters.params());
            sql = "SELECT t.id, 0 FROM " + table + " t" + filters.conditions() + " ORDER BY t.id LIMIT " + (n + 1);
        }
        Query nq = em.createNativeQuery(RecordQuery.number(sql));
        for (int i = 0; i < params.size(); i++) {
            nq.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nq.getResultList();
        boolean more = rows.size() > n;
        List<Object[]> pageRows = more ? rows.subList(0, n) : rows;
        Map<UUID, E> byId = load(pageRows.stream().map(r -> (UUID) r[0]).toList());
        List<RecordView<D>> items = pageRows.stream().map(r -> view(byId.get((UUID) r[0]))).toList();
        String next = null;
        if (more) {
            Object[] last = pageRows.get(pageRows.size() - 1);
            next = search ? Cursor.encode(last[1], last[0]) : Cursor.encode(last[0]);
        }
        return new Page<>(items, next);
    }

    // ---- writes -------------------------------------------------------------------------------

    @Transactional
    public RecordView<D> create(D data) {
        E e = newEntity();
        e.id = Ids.next();
        e.version = 1;
        write(e, data, null, null);
        e.createdAt = e.updatedAt;
        e.createdBy = e.updatedBy;
        em.persist(e);
        return view(e);
    }

    @Transactional
    public RecordView<D> replace(UUID id, String ifMatch, D data) {
        int expected = ETags.required(ifMatch);
        E e = findWritable(id, expected);
        return update(e, data);
    }

    @Transactional
    public RecordView<D> patch(UUID id, String ifMatch, JsonNode patch) {
        int expected = ETags.required(ifMatch);
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(400, "A merge patch is a JSON object", List.of(new FieldError("body", "not a JSON object")));
        }
        E e = findWritable(id, expected);
        JsonNode merged = vn.diaspora.registry.common.MergePatch.apply(json.valueToTree(toData(e)), patch);
        D data;
        try {
            data = json.treeToValue(merged, dataClass);
        } catch (JsonProcessingException ex) {
            throw ProblemException.fromJson(ex);
        }
        return update(e, data);
    }

    @Transactional
    public void delete(UUID id, String ifMatch, String reason) {
        int expected = ETags.required(ifMatch);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.badParameter("reason", "a reason of 1 to 500 characters is required");
        }
        E e = findWritable(id, expected);
        JsonNode snapshot = json.valueToTree(toData(e));
        e.version++;
        e.updatedAt = Instant.now();
        e.updatedBy = caller.subject();
        e.deletedAt = e.updatedAt;
        e.deletedBy = e.updatedBy;
        e.deleteReason = reason.strip();
        history.write(collection, e, "DELETE", snapshot, snapshot, e.deleteReason);
    }

    private RecordView<D> update(E e, D data) {
        write(e, data, json.valueToTree(toData(e)), e.contentHash);
        return view(e);
    }

    /**
     * Validates and applies {@code data} (a create when {@code before} is null); writes a version
     * row unless the content is unchanged (then nothing at all is written and the version stays).
     */
    private void write(E e, D data, JsonNode before, String previousHash) {
        Scope scope = caller.writeScope();
        List<FieldError> errors = new ArrayList<>(check(data));
        String unit = reportingUnit(data, scope, errors);
        validation.check(data, errors);
        String province = reference.territoryOf(unit);
        if (!scope.admits(unit, province)) {
            throw new ProblemException(403, "You may only write records of your own " + (scope.unit() != null ? "unit" : "province"),
                    List.of(new FieldError("reportingUnit", "outside your scope")));
        }
        apply(data, e);
        e.reportingUnit = unit;
        e.provinceCode = province;
        JsonNode after = json.valueToTree(toData(e));
        String hash = Hashing.sha256(after.toString());
        if (hash.equals(previousHash)) {
            return;
        }
        if (before != null) {
            e.version++;
        }
        e.contentHash = hash;
        e.updatedAt = Instant.now();
        e.updatedBy = caller.subject();
        history.write(collection, e, before == null ? "CREATE" : "UPDATE", before, after, null);
    }

    /**
     * The given unit, else the caller's own (unit officers), else the one the data implies; an
     * error when none fits (unless other errors already explain why none could be derived).
     */
    private String reportingUnit(D data, Scope scope, List<FieldError> errors) {
        String unit = data.reportingUnit() != null ? data.reportingUnit()
                : scope.unit() != null ? scope.unit() : impliedUnit(data);
        if (unit == null) {
            if (errors.isEmpty()) {
                errors.add(new FieldError("reportingUnit", "required: the district (before 1 July 2025) or commune that reports this record"));
            }
        } else if (!reference.isReportingUnit(unit)) {
            errors.add(new FieldError("reportingUnit", "'" + unit + "' is not a district or commune of Bắc Giang (24) or Bình Định (52)"));
        }
        return unit;
    }

    // ---- lookups ------------------------------------------------------------------------------

    /** 404 for unknown, deleted (unless asked) and out-of-scope records alike: existence does not leak. */
    private E findReadable(UUID id, boolean includeDeleted) {
        E e = em.find(entityClass, id);
        Scope scope = caller.readScope();
        if (e == null || (!includeDeleted && e.deletedAt != null) || !scope.admits(e.reportingUnit, e.provinceCode)) {
            throw ProblemException.notFound(noun() + " " + id);
        }
        return e;
    }

    private E findWritable(UUID id, int expectedVersion) {
        Scope scope = caller.writeScope();
        E e = em.find(entityClass, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || e.deletedAt != null || !caller.readScope().admits(e.reportingUnit, e.provinceCode)) {
            throw ProblemException.notFound(noun() + " " + id);
        }
        if (!scope.admits(e.reportingUnit, e.provinceCode)) {
            throw new ForbiddenException();
        }
        if (e.version != expectedVersion) {
            throw ETags.stale(e.version);
        }
        return e;
    }

    /** A live record by id, for references from other records; null when absent, deleted or outside the caller's scope. */
    public E findVisible(UUID id) {
        E e = id == null ? null : em.find(entityClass, id);
        return e == null || e.deletedAt != null || !caller.readScope().admits(e.reportingUnit, e.provinceCode) ? null : e;
    }

    /** Adds an error when a referenced record cannot be seen (unknown and out-of-scope alike). */
    protected static void checkLink(List<FieldError> errors, String field, UUID id, RecordService<?, ?> target) {
        if (id != null && target.findVisible(id) == null) {
            errors.add(new FieldError(field, "no " + target.noun().toLowerCase() + " " + id + " in your scope"));
        }
    }

    protected void checkCountry(List<FieldError> errors, String field, String code) {
        if (code != null && code.matches("[A-Z]{2}") && !reference.isCountry(code)) {
            errors.add(new FieldError(field, "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
        }
    }

    private Map<UUID, E> load(List<UUID> ids) {
        Map<UUID, E> byId = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        em.createQuery("FROM " + entityClass.getSimpleName() + " WHERE id IN :ids", entityClass)
                .setParameter("ids", ids).getResultList().forEach(e -> byId.put(e.id, e));
        return byId;
    }

    protected RecordView<D> view(E e) {
        D data = toData(e);
        if (!caller.seesContacts()) {
            try {
                data = json.treeToValue(redact(json.valueToTree(data)), dataClass);
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return new RecordView<>(e.id, e.version, data, e.createdAt, e.createdBy, e.updatedAt, e.updatedBy);
    }

    private JsonNode redact(JsonNode snapshot) {
        if (snapshot instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            contactFields().forEach(copy::remove);
            return copy;
        }
        return snapshot;
    }

    private static UUID cursorId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("cursor", "not a cursor returned by this list");
        }
    }

    private static String parseScore(String value) {
        try {
            Float.parseFloat(value);
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("cursor", "not a cursor returned by this list");
        }
    }

}
