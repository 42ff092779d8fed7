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
    @Transactional
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
        List<Object[]> rows;
        if (search) {
            filters.and("registry_norm(?) <% t.search_text", query);
            List<String> after = Cursor.decode(paging.cursor, 2);
            if (after != null) {
                filters.and("(" + DISTANCE + " > cast(? AS real) OR (" + DISTANCE + " = cast(? AS real) AND t.id > ?))",
                        query, parseScore(after.get(0)), query, parseScore(after.get(0)), cursorId(after.get(1)));
            }
            // PostgreSQL would rather bitmap-scan rare names and sort them; reading the GiST index
            // in distance order is faster for every query measured (bench/)
            em.createNativeQuery("SET LOCAL enable_bitmapscan = off").executeUpdate();
            rows = nearest(query, filters, n + 1);
        } else {
            List<String> after = Cursor.decode(paging.cursor, 1);
            if (after != null) {
                filters.and("t.id > ?", cursorId(after.get(0)));
            }
            rows = select("SELECT t.id, 0 FROM " + table + " t" + filters.conditions() + " ORDER BY t.id LIMIT " + (n + 1),
                    filters.params());
        }
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

    private static final String DISTANCE = "t.search_text <->> registry_norm(?)";
    /** Rows read beyond a search page, so that names equally near the query are ordered by id. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "registry.search.tie-window", defaultValue = "10")
    int tieWindow;

    /**
     * The {@code count} rows nearest to the query in (distance, id) order. The GiST index yields
     * rows by distance only (ordering by a second key would make PostgreSQL read and sort every
     * match), so a window of rows is read by distance and sorted here; only when the window
     * ends amid names as near as the page's last one are those ties read again, exactly.
     */
    private List<Object[]> nearest(String query, RecordQuery filters, int count) {
        List<Object> params = new ArrayList<>();
        params.add(query);
        params.addAll(filters.params());
        params.add(query);
        String base = "SELECT t.id, " + DISTANCE + " AS distance FROM " + table + " t" + filters.conditions();
        int window = count + tieWindow;
        List<Object[]> rows = new ArrayList<>(select(base + " ORDER BY " + DISTANCE + " LIMIT " + window, params));
        java.util.Comparator<Object[]> order = java.util.Comparator.<Object[], Float>comparing(r -> ((Number) r[1]).floatValue())
                .thenComparing(r -> r[0].toString()); // PostgreSQL orders uuids as unsigned bytes, as their text does
        rows.sort(order);
        if (rows.size() < window || rows.size() <= count) {
            return rows.size() > count ? rows.subList(0, count) : rows;
        }
        float boundary = ((Number) rows.get(count - 1)[1]).floatValue();
        if (((Number) rows.get(rows.size() - 1)[1]).floatValue() > boundary) {
            return rows.subList(0, count);
        }
        List<Object[]> page = new ArrayList<>(rows.stream().filter(r -> ((Number) r[1]).floatValue() < boundary).toList());
        List<Object> tieParams = new ArrayList<>(params.subList(0, params.size() - 1));
        tieParams.add(query);
        tieParams.add(Float.toString(boundary));
        page.addAll(select(base + " AND " + DISTANCE + " = cast(? AS real) ORDER BY t.id LIMIT " + (count - page.size()), tieParams));
        return page;
    }

    private List<Object[]> select(String sql, List<Object> params) {
        Query nq = em.createNativeQuery(RecordQuery.number(sql));
        for (int i = 0; i < params.size(); i++) {
            nq.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nq.getResultList();
        return rows;
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
