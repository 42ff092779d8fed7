package vn.diaspora.registry.record;

import vn.diaspora.registry.common.ErrorCode;
import java.util.Objects;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import vn.diaspora.registry.audit.AuditLog;
import vn.diaspora.registry.common.Cursor;
import vn.diaspora.registry.common.ETags;
import vn.diaspora.registry.common.Hashing;
import vn.diaspora.registry.common.Ids;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.MergePatch;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Text;
import vn.diaspora.registry.common.Validation;
import vn.diaspora.registry.common.Where;
import vn.diaspora.registry.reference.ReferenceData;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.Reach;

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
    @Inject
    RecordSearch search;
    @Inject
    vn.diaspora.registry.audit.AuditLog audit;
    @Inject
    RecordServices services;
    @Inject
    AuditedReads reads;

    private final RecordKind kind;
    private final String collection;
    private final String table;
    private final Class<E> entityClass;
    private final Class<D> dataClass;

    protected RecordService(RecordKind kind, Class<E> entityClass, Class<D> dataClass) {
        this.kind = kind;
        this.collection = kind.collection();
        this.table = kind.table();
        this.entityClass = entityClass;
        this.dataClass = dataClass;
    }

    public RecordKind kind() {
        return kind;
    }

    protected abstract E newEntity();

    protected abstract D toData(E entity);

    /** Copies the (validated) data onto the entity. */
    protected abstract void apply(D data, E entity);

    /** Rules beyond the annotations: references to codes and to other records, which must lie within {@code links}. */
    protected abstract List<FieldError> check(D data, Reach links);

    /** The reporting unit the data implies when none is given (from records within {@code links}), or null. */
    protected abstract String impliedUnit(D data, Reach links);

    // ---- reads --------------------------------------------------------------------------------

    /** One statement, no transaction around it (AuditedReads); an unreadable record is told apart (404, 308) only then. */
    public RecordView<D> get(UUID id) {
        List<E> found = reads.read(kind, entityClass, List.of(id), AuditLog.Action.READ, true);
        if (found.isEmpty()) {
            findReadable(id, false);
            throw ProblemException.notFound(kind.noun() + " " + id); // it became readable an instant after the read
        }
        return asRead(found.get(0));
    }

    /** The live records among {@code ids} that the caller may read, as it may see them (one audit event for all). */
    public Map<UUID, RecordView<D>> read(java.util.Collection<UUID> ids) {
        Map<UUID, RecordView<D>> views = new LinkedHashMap<>();
        reads.read(kind, entityClass, ids, AuditLog.Action.READ, false).forEach(e -> views.put(e.id, asRead(e)));
        return views;
    }

    @Transactional
    public List<VersionView> history(UUID id) {
        E e = findReadable(id, true);
        audit.record(AuditLog.Action.HISTORY, collection, List.of(id), null);
        List<VersionView> versions = history.read(collection, id);
        if (caller.seesWhole(e.reportingUnit, e.provinceCode)) {
            return versions;
        }
        return versions.stream().map(v -> new VersionView(v.version(), v.action(), v.actor(), v.at(),
                v.changedFields(), asSeen(v.snapshot(), e.reportingUnit, e.provinceCode), v.requestId(), v.submissionId(), v.reason())).toList();
    }

    /**
     * A page of live records in the caller's scope. With {@code q}, the records whose names hold
     * the query's words, in any order, without regard to case and diacritics, a typo corrected
     * (RecordSearch): exact matches first; else all, in id (creation) order.
     */
    public Page<RecordView<D>> list(String q, Params.Paging paging, Where filters) {
        int n = Page.limit(paging.limit);
        caller.readable().restrict(filters.and("t.deleted_at IS NULL"));
        List<RecordSearch.Hit> hits = search.find(table, query(q), filters, after(paging.cursor), n + 1);
        Page<RecordSearch.Hit> page = Page.of(hits, n, hit -> hit.rank() + ":" + hit.id());
        Map<UUID, E> byId = new java.util.HashMap<>();
        reads.read(kind, entityClass, page.items().stream().map(RecordSearch.Hit::id).toList(), AuditLog.Action.SEARCH, false)
                .forEach(e -> byId.put(e.id, e));
        // a record deleted since the search statement is left out of its page
        return new Page<>(page.items().stream().map(hit -> byId.get(hit.id())).filter(Objects::nonNull).map(this::asRead).toList(), page.nextCursor());
    }

    /** The name query as searched (NFC), or null for none; 400 when too long. */
    /** The search text as names are stored (Text.clean: NFC, no invisible characters, single spaces), or null for none. */
    private static String query(String q) {
        if (q != null && q.length() > Limits.QUERY) {
            throw ProblemException.badParameter("q", "at most " + Limits.QUERY + " characters");
        }
        return Text.clean(q);
    }

    /** Records read per transaction by an export. */
    static final int EXPORT_PAGE = 1000;

    private record ExportPage<V>(List<RecordSearch.Hit> hits, List<V> views) {
    }

    /**
     * Every record the list would give (the same query and filters, in the caller's scope, as the
     * caller may see them), handed to {@code sink} a page at a time, each page read in a
     * transaction of its own so that memory stays flat however many there are; one audit event
     * for the whole export. Returns how many were exported.
     */
    public long export(String q, Where filters, java.util.function.Consumer<List<RecordView<D>>> sink) {
        String query = query(q);
        caller.readable().restrict(filters.and("t.deleted_at IS NULL"));
        RecordSearch.After after = null;
        long total = 0;
        while (true) {
            RecordSearch.After from = after;
            ExportPage<RecordView<D>> page = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
                List<RecordSearch.Hit> hits = search.find(table, query, filters, from, EXPORT_PAGE);
                Map<UUID, E> byId = load(hits.stream().map(RecordSearch.Hit::id).toList());
                return new ExportPage<>(hits, hits.stream().map(h -> view(byId.get(h.id()))).toList());
            });
            sink.accept(page.views());
            total += page.views().size();
            if (page.hits().size() < EXPORT_PAGE) {
                break;
            }
            RecordSearch.Hit last = page.hits().get(page.hits().size() - 1);
            after = new RecordSearch.After(last.rank(), last.id());
        }
        long exported = total;
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                audit.record(AuditLog.Action.EXPORT, collection, List.of(), (int) Math.min(Integer.MAX_VALUE, exported)));
        return total;
    }

    /** Where a page continues: the rank and id of the last record of the page before. */
    private static RecordSearch.After after(String cursor) {
        return Cursor.after(cursor, key -> {
            String[] parts = key.split(":", 2);
            int rank = Integer.parseInt(parts[0]);
            if (parts.length != 2 || rank < 0 || rank > RecordSearch.MAX_WORDS) {
                throw new IllegalArgumentException();
            }
            return new RecordSearch.After(rank, UUID.fromString(parts[1]));
        });
    }

    // ---- writes -------------------------------------------------------------------------------

    /**
     * Where a write comes from: the records it may reach (for its own unit and for links to other
     * records) and the submission that carries it, if any. An API write reaches what the caller
     * may write; a submission's row reaches its unit's records, whoever applies it.
     */
    private record WriteContext(Reach reach, UUID submission, String period, String reason) {
    }

    private WriteContext api() {
        return new WriteContext(caller.officer(), null, null, null);
    }

    @Transactional
    public RecordView<D> create(D data) {
        WriteContext context = api();
        E e = create(valid(data, context), context);
        history.flush();
        audit.record(AuditLog.Action.CREATE, collection, List.of(e.id), 1);
        return view(e);
    }

    @Transactional
    public RecordView<D> replace(UUID id, String ifMatch, D data) {
        E e = findWritable(id, ETags.required(ifMatch));
        write(e, data, api());
        history.flush();
        audit.record(AuditLog.Action.UPDATE, collection, List.of(id), 1);
        return view(e);
    }

    @Transactional
    public RecordView<D> patch(UUID id, String ifMatch, JsonNode patch) {
        int expected = ETags.required(ifMatch);
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemException.Reason.MALFORMED, "A merge patch is a JSON object", List.of(new FieldError("body", "not a JSON object")));
        }
        E e = findWritable(id, expected);
        JsonNode merged = merged(e, patch);
        try {
            write(e, json.treeToValue(merged, dataClass), api());
        } catch (JsonProcessingException ex) {
            throw ProblemException.fromJson(ex);
        }
        history.flush();
        audit.record(AuditLog.Action.UPDATE, collection, List.of(id), 1);
        return view(e);
    }

    @Transactional
    public void delete(UUID id, String ifMatch, String reason) {
        int expected = ETags.required(ifMatch);
        if (reason == null || reason.isBlank() || reason.length() > Limits.DELETE_REASON) {
            throw ProblemException.badParameter("reason", "a reason of 1 to " + Limits.DELETE_REASON + " characters is required");
        }
        delete(findWritable(id, expected), reason.strip(), api());
        history.flush();
        audit.record(AuditLog.Action.DELETE, collection, List.of(id), 1);
    }

    /** Creates a record of checked data. */
    private E create(D data, WriteContext context) {
        E e = newEntity();
        e.id = Ids.next();
        e.version = 1;
        e.contentHash = "";
        store(e, data, context);
        e.createdAt = e.updatedAt;
        e.createdBy = e.updatedBy;
        em.persist(e);
        return e;
    }

    private void delete(E e, String reason, WriteContext context) {
        JsonNode snapshot = json.valueToTree(toData(e));
        e.version++;
        e.updatedAt = Instant.now();
        e.updatedBy = caller.subject();
        e.deletedAt = e.updatedAt;
        e.deletedBy = e.updatedBy;
        e.deleteReason = reason;
        e.sourceSubmission = context.submission();
        history.write(collection, e, "DELETE", snapshot, snapshot, reason, context.period());
    }

    // ---- rows of a quarterly submission ---------------------------------------------------------

    /**
     * Where a submission's row is checked, or applied: its unit (the row reaches the unit's
     * records, whoever runs it), and, when applied, its submission and the period it reports.
     */
    public record RowContext(String unit, UUID submission, String period) {
        /** Checks only: nothing is written. */
        public static RowContext dryRun(String unit) {
            return new RowContext(unit, null, null);
        }

        boolean applies() {
            return submission != null;
        }
    }

    /** What a row did: the record it wrote (null in a dry run or when refused), or what is wrong with it. */
    public record RowResult(UUID recordId, List<FieldError> errors) {
        static RowResult refused(List<FieldError> errors) {
            return new RowResult(null, errors);
        }
    }

    private WriteContext context(RowContext row) {
        return new WriteContext(Reach.unit(row.unit(), reference.territoryOf(row.unit())), row.submission(), row.period(), null);
    }

    /** A row that creates a record: checked once, and, when it has no problem and the context applies, created. */
    public RowResult createRow(JsonNode data, RowContext row) {
        WriteContext context = context(row);
        return checkedRow(data, row, context, d -> create(d, context));
    }

    /**
     * A row that changes ({@code patch}) or deletes ({@code patch} null) a record: unknown,
     * deleted or another unit's records are told alike, so that a row cannot probe other units'
     * records; then a change since the row's base version; for a change, then, what is wrong with
     * the record it would leave (the row merged into the record, RFC 7386: a field the row leaves
     * out stays as it is, a null clears it).
     */
    public RowResult changeRow(UUID recordId, Integer baseVersion, JsonNode patch, String reason, RowContext row) {
        if (recordId == null) {
            return RowResult.refused(List.of(new FieldError("recordId", "required to change or delete a record", ErrorCode.RECORD_ID_REQUIRED)));
        }
        E e = row.applies() ? em.find(entityClass, recordId, LockModeType.PESSIMISTIC_WRITE) : em.find(entityClass, recordId);
        if (e == null || e.deletedAt != null || !row.unit().equals(e.reportingUnit)) {
            return RowResult.refused(List.of(new FieldError("recordId", "no " + kind.noun().toLowerCase() + " " + recordId
                    + " among the unit's records", ErrorCode.RECORD_NOT_IN_UNIT)));
        }
        if (baseVersion == null) {
            return RowResult.refused(List.of(new FieldError("baseVersion", "required: the version the row was based on", ErrorCode.BASE_VERSION_REQUIRED)));
        }
        if (e.version != baseVersion) {
            return RowResult.refused(List.of(new FieldError("baseVersion", "conflict: the record changed since version "
                    + baseVersion + " (now " + e.version + ")", ErrorCode.BASE_VERSION_CONFLICT)));
        }
        WriteContext context = context(row);
        if (patch == null) {
            if (row.applies()) {
                delete(e, reason == null ? "deleted by quarterly submission" : reason, context);
            }
            return new RowResult(row.applies() ? e.id : null, List.of());
        }
        return checkedRow(patch.isObject() ? merged(e, patch) : patch, row, context, d -> {
            store(e, d, context);
            return e;
        });
    }

    /** A row's record data checked in its context; written by {@code write} when nothing is wrong and the context applies. */
    private RowResult checkedRow(JsonNode data, RowContext row, WriteContext context, java.util.function.Function<D, E> write) {
        List<FieldError> errors = new ArrayList<>();
        D d = parseRow(data, row.unit(), errors);
        if (d != null) {
            errors.addAll(problems(d, context.reach()));
        }
        if (!errors.isEmpty() || !row.applies()) {
            return RowResult.refused(errors);
        }
        return new RowResult(write.apply(d).id, List.of());
    }

    /** The record with a merge patch applied (RFC 7386): what a PATCH or an UPDATE row leaves. */
    private JsonNode merged(E e, JsonNode patch) {
        return MergePatch.apply(json.valueToTree(toData(e)), patch);
    }

    /** The row's data as this collection's record, carrying the submitting unit. */
    private D parseRow(JsonNode data, String unit, List<FieldError> errors) {
        if (data == null || !data.isObject()) {
            errors.add(new FieldError("data", "required: the record's fields", ErrorCode.ROW_DATA_REQUIRED));
            return null;
        }
        ObjectNode fields = ((ObjectNode) data).deepCopy();
        JsonNode given = fields.get("reportingUnit");
        if (given != null && !given.isNull() && !unit.equals(given.asText())) {
            errors.add(new FieldError("data.reportingUnit", "a submission carries only records of its unit " + unit, ErrorCode.ROW_OTHER_UNIT));
            return null;
        }
        fields.put("reportingUnit", unit);
        try {
            return json.treeToValue(fields, dataClass);
        } catch (JsonProcessingException ex) {
            ProblemException.fromJson(ex).errors().forEach(f -> errors.add(f.at("data." + f.field())));
            return null;
        }
    }

    /**
     * Validates and applies {@code data}; writes a version row unless the content is unchanged
     * (then nothing at all is written and the version stays).
     */
    private void write(E e, D data, WriteContext context) {
        store(e, valid(data, context), context);
    }

    /** The data, when it has no problem within the context's reach; else 422 naming every field. */
    private D valid(D data, WriteContext context) {
        List<FieldError> errors = problems(data, context.reach());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return data;
    }

    /** Applies data already checked ({@link #problems}). */
    private void store(E e, D data, WriteContext context) {
        String unit = unitOf(data, context.reach());
        String province = reference.territoryOf(unit);
        if (!context.reach().admits(unit, province)) {
            throw new ProblemException(ProblemException.Reason.FORBIDDEN, "You may only write records of your own unit or province",
                    List.of(new FieldError("reportingUnit", "outside your scope")));
        }
        boolean created = e.createdAt == null;
        JsonNode before = created ? null : json.valueToTree(toData(e));
        apply(data, e);
        e.reportingUnit = unit;
        e.provinceCode = province;
        JsonNode after = json.valueToTree(toData(e));
        String hash = Hashing.sha256(after.toString());
        if (hash.equals(e.contentHash)) {
            return;
        }
        if (!created) {
            e.version++;
        }
        e.contentHash = hash;
        e.updatedAt = Instant.now();
        e.updatedBy = caller.subject();
        e.sourceSubmission = context.submission();
        history.write(collection, e, created ? "CREATE" : "UPDATE", before, after, context.reason(), context.period());
    }

    /** Every field error of the data: the feature's rules, the reporting unit, the annotations. */
    private List<FieldError> problems(D data, Reach reach) {
        List<FieldError> errors = new ArrayList<>(check(data, reach));
        String unit = unitOf(data, reach);
        if (unit == null) {
            if (errors.isEmpty()) {
                errors.add(new FieldError("reportingUnit", "required: the district (before 1 July 2025) or commune that reports this record", ErrorCode.REPORTING_UNIT_REQUIRED));
            }
        } else if (!reference.isReportingUnit(unit)) {
            errors.add(new FieldError("reportingUnit", "'" + unit + "' is not a district or commune of Bắc Giang (24) or Bình Định (52)", ErrorCode.REPORTING_UNIT_UNKNOWN));
        }
        errors.addAll(validation.errors(data));
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        return errors;
    }

    /** The given unit, else the one unit the write may reach (a unit officer's, a row's), else the one the data implies. */
    private String unitOf(D data, Reach reach) {
        if (data.reportingUnit() != null) {
            return data.reportingUnit();
        }
        List<String> units = reach.scopes().stream().map(Reach.Scope::unit).filter(Objects::nonNull).distinct().toList();
        return units.size() == 1 ? units.get(0) : impliedUnit(data, reach);
    }

    // ---- merges ---------------------------------------------------------------------------------

    /**
     * Merges record {@code otherId} into {@code survivorId}, both at the versions the officer
     * decided on: the survivor takes the fields named in {@code fromOther} from the other record
     * and keeps its own for the rest (a new version of it, checked like any write); the other
     * becomes a tombstone that points to the survivor; the records that link to the other link to
     * the survivor instead (a new version each). Both histories stay.
     */
    @Transactional
    public RecordView<D> merge(UUID survivorId, int survivorVersion, UUID otherId, int otherVersion, List<String> fromOther) {
        // locked in id order: two merges of the same pair wait for each other instead of deadlocking
        boolean survivorFirst = survivorId.compareTo(otherId) < 0;
        E first = findWritable(survivorFirst ? survivorId : otherId, survivorFirst ? survivorVersion : otherVersion);
        E second = findWritable(survivorFirst ? otherId : survivorId, survivorFirst ? otherVersion : survivorVersion);
        E survivor = survivorFirst ? first : second;
        E other = survivorFirst ? second : first;
        ObjectNode data = json.valueToTree(toData(survivor));
        JsonNode taken = json.valueToTree(toData(other));
        List<String> fields = java.util.Arrays.stream(dataClass.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < fromOther.size(); i++) {
            String field = fromOther.get(i);
            if (!fields.contains(field)) {
                errors.add(new FieldError("fromOther[" + i + "]", "'" + field + "' is not a field of a " + kind.noun().toLowerCase(), ErrorCode.NOT_IN_LIST));
            } else if (taken.hasNonNull(field)) {
                data.set(field, taken.get(field));
            } else {
                data.remove(field);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        WriteContext context = new WriteContext(caller.officer(), null, null, "merged with " + otherId);
        try {
            store(survivor, valid(json.treeToValue(data, dataClass), context), context);
        } catch (JsonProcessingException ex) {
            throw ProblemException.fromJson(ex);
        }
        delete(other, "merged into " + survivorId, context);
        merged(other, survivor);
        String reason = "person " + otherId + " merged into " + survivorId;
        for (RecordKind k : RecordKind.values()) {
            services.of(k).relinkPerson(otherId, survivorId, reason);
        }
        history.flush();
        audit.record(AuditLog.Action.MERGE, collection, List.of(survivorId, otherId), 2);
        return view(survivor);
    }

    /** Marks {@code other} as merged into {@code survivor}; kinds that cannot merge refuse. */
    protected void merged(E other, E survivor) {
        throw new UnsupportedOperationException(kind.noun() + " records are not merged");
    }

    /** SQL selecting the ids of the live records of this kind that link to person ?1; null when this kind never does. */
    protected String linksToPerson() {
        return null;
    }

    /** Every live record of this kind that links to person {@code from} links to {@code to} instead (a new version each). */
    public void relinkPerson(UUID from, UUID to, String reason) {
        String sql = linksToPerson();
        if (sql == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(sql).setParameter(1, from).getResultList();
        WriteContext context = new WriteContext(Reach.ALL, null, null, reason);
        for (UUID id : ids) {
            E e = em.find(entityClass, id, LockModeType.PESSIMISTIC_WRITE);
            try {
                store(e, json.treeToValue(relinked(json.valueToTree(toData(e)), from.toString(), to.toString()), dataClass), context);
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    /**
     * {@code node} with every reference to {@code from} made to {@code to}; where a list then names
     * the same person in the same role twice (both were members), the first stays.
     */
    static JsonNode relinked(JsonNode node, String from, String to) {
        if (node.isTextual() && node.asText().equals(from)) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(to);
        }
        if (node instanceof ObjectNode o) {
            ObjectNode copy = o.objectNode();
            o.fields().forEachRemaining(f -> copy.set(f.getKey(), relinked(f.getValue(), from, to)));
            return copy;
        }
        if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = a.arrayNode();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (JsonNode item : a) {
                JsonNode moved = relinked(item, from, to);
                if (!moved.has("personId") || seen.add(moved.path("personId").asText() + "/" + moved.path("role").asText())) {
                    copy.add(moved);
                }
            }
            return copy;
        }
        return node;
    }

    // ---- lookups ------------------------------------------------------------------------------

    /**
     * 404 for unknown, deleted (unless asked) and out-of-scope records alike: existence does not
     * leak. A record merged into another is moved there (308) when the caller may read both.
     */
    private E findReadable(UUID id, boolean includeDeleted) {
        E e = em.find(entityClass, id);
        if (e == null || !caller.canRead(e.reportingUnit, e.provinceCode)) {
            throw ProblemException.notFound(kind.noun() + " " + id);
        }
        if (!includeDeleted && e.deletedAt != null) {
            E survivor = survivor(e);
            if (survivor != null) {
                throw ProblemException.moved(kind.noun() + " " + id + " was merged into " + kind.noun().toLowerCase() + " " + survivor.id,
                        "/api/v1/" + collection + "/" + survivor.id);
            }
            throw ProblemException.notFound(kind.noun() + " " + id);
        }
        return e;
    }

    /** The live record a merged one now lives on as (following later merges), when the caller may read it; else null. */
    private E survivor(E merged) {
        E e = merged;
        for (int hops = 0; hops < MAX_MERGE_HOPS && survivorOf(e) != null; hops++) {
            e = em.find(entityClass, survivorOf(e));
            if (e.deletedAt == null) {
                return caller.canRead(e.reportingUnit, e.provinceCode) ? e : null;
            }
        }
        return null;
    }

    private static final int MAX_MERGE_HOPS = 20;

    /** The record this one was merged into, or null: only kinds that merge keep it. */
    protected UUID survivorOf(E e) {
        return null;
    }

    private E findWritable(UUID id, int expectedVersion) {
        E e = em.find(entityClass, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null || e.deletedAt != null || !caller.canRead(e.reportingUnit, e.provinceCode)) {
            throw ProblemException.notFound(kind.noun() + " " + id);
        }
        if (!caller.officer().admits(e.reportingUnit, e.provinceCode)) {
            throw ProblemException.forbidden("You may read " + kind.noun().toLowerCase() + " " + id + " but not change it");
        }
        if (e.version != expectedVersion) {
            throw ETags.stale(e.version);
        }
        return e;
    }

    /** A live record by id within {@code reach}, for references from other records; null when absent, deleted or outside it. */
    public E findWithin(UUID id, Reach reach) {
        E e = id == null ? null : em.find(entityClass, id);
        return e == null || e.deletedAt != null || !reach.admits(e.reportingUnit, e.provinceCode) ? null : e;
    }

    /** Adds an error when a referenced record is not within {@code reach} (unknown and out-of-scope alike). */
    protected static void checkLink(List<FieldError> errors, String field, UUID id, RecordService<?, ?> target, Reach reach) {
        if (id != null && target.findWithin(id, reach) == null) {
            errors.add(new FieldError(field, "no " + target.kind().noun().toLowerCase() + " " + id + " in your scope", ErrorCode.LINK_NOT_IN_SCOPE));
        }
    }

    protected void checkCountry(List<FieldError> errors, String field, String code) {
        if (code != null && code.matches("[A-Z]{2}") && !reference.isCountry(code)) {
            errors.add(new FieldError(field, "'" + code + "' is not an ISO 3166-1 alpha-2 country code", ErrorCode.COUNTRY_UNKNOWN));
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

    /** The record as this caller may see it. */
    protected RecordView<D> view(E e) {
        D data = toData(e);
        if (!caller.seesWhole(e.reportingUnit, e.provinceCode)) {
            try {
                data = json.treeToValue(redact(json.valueToTree(data)), dataClass);
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return viewOf(e, data);
    }

    /** A record read by {@link AuditedReads}: its sealed fields are already absent where the caller may not see them. */
    private RecordView<D> asRead(E e) {
        return viewOf(e, toData(e));
    }

    private RecordView<D> viewOf(E e, D data) {
        return new RecordView<>(e.id, e.version, data, e.createdAt, e.createdBy, e.updatedAt, e.updatedBy);
    }

    /** A snapshot of a record of {@code unit} and {@code province} as this caller may see it: the rule of reads, history and the change feed. */
    public JsonNode asSeen(JsonNode snapshot, String unit, String province) {
        return caller.seesWhole(unit, province) ? snapshot : redact(snapshot);
    }

    private JsonNode redact(JsonNode snapshot) {
        if (snapshot instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            // the sealed fields are the ones only callers who may write the record see, in every channel
            kind.sealed().forEach(copy::remove);
            return copy;
        }
        return snapshot;
    }
}
