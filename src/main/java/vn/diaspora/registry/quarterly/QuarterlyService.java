package vn.diaspora.registry.quarterly;

import java.io.ByteArrayInputStream;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import vn.diaspora.registry.association.AssociationService;
import vn.diaspora.registry.business.BusinessService;
import vn.diaspora.registry.common.Cursor;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.Ids;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Text;
import vn.diaspora.registry.common.Validation;
import vn.diaspora.registry.contribution.ContributionService;
import vn.diaspora.registry.person.PersonData;
import vn.diaspora.registry.person.PersonService;
import vn.diaspora.registry.quarterly.QuarterlyViews.Completeness;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemInput;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemView;
import vn.diaspora.registry.quarterly.QuarterlyViews.PeriodView;
import vn.diaspora.registry.quarterly.QuarterlyViews.RowReport;
import vn.diaspora.registry.quarterly.QuarterlyViews.SubmissionView;
import vn.diaspora.registry.quarterly.QuarterlyViews.UnitStatus;
import vn.diaspora.registry.quarterly.QuarterlyViews.ValidationReport;
import vn.diaspora.registry.quarterly.Submission.State;
import vn.diaspora.registry.quarterly.SubmissionItem.Action;
import vn.diaspora.registry.quarterly.SubmissionItem.Kind;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.reference.AdminUnit;
import vn.diaspora.registry.reference.ReferenceData;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.FieldCipher;
import vn.diaspora.registry.security.Roles;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The quarterly cycle: a reporting unit opens its submission for a period, fills it with rows
 * (create / update / delete of records, keyed by its own row keys), checks it (dry run) and
 * submits it; the province's officer accepts it, applying every row in one transaction, or
 * returns it with a comment. Every transition is recorded.
 */
@ApplicationScoped
public class QuarterlyService {
    /** Deadlines are days in Vietnam. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int DEFAULT_DEADLINE_DAYS = 15;

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    ReferenceData reference;
    @Inject
    ObjectMapper json;
    @Inject
    Validation validation;
    @Inject
    PersonService persons;
    @Inject
    AssociationService associations;
    @Inject
    BusinessService businesses;
    @Inject
    ContributionService contributions;
    @Inject
    ItemUpload upload;
    @Inject
    ReviewNotes notes;
    @Inject
    FieldCipher cipher;
    @Inject
    vn.diaspora.registry.audit.AuditLog audit;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "registry.quarterly.max-rows", defaultValue = "" + Limits.SUBMISSION_ROWS)
    int maxRows;

    RecordService<?, ?> records(Kind kind) {
        return switch (kind) {
            case PERSON -> persons;
            case ASSOCIATION -> associations;
            case BUSINESS -> businesses;
            case CONTRIBUTION -> contributions;
        };
    }

    // ---- periods --------------------------------------------------------------------------------

    public PeriodView period(Period p, String province) {
        String prov = requireProvince(province);
        List<String> configured = configuredUnits(p, prov);
        return new PeriodView(p.toString(), p.start(), p.end(), prov, p.deadline(deadlineDays(prov)),
                configured.isEmpty() ? derivedUnits(p, prov) : configured, !configured.isEmpty());
    }

    @Transactional
    public PeriodView setUnits(Period p, String province, List<String> units) {
        String prov = requireProvince(province);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            String u = units.get(i);
            if (u == null || !reference.isReportingUnit(u) || !prov.equals(reference.territoryOf(u))) {
                errors.add(new FieldError("[" + i + "]", "'" + u + "' is not a reporting unit of province " + prov));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        em.createNativeQuery("DELETE FROM period_unit WHERE period = ?1 AND province_code = ?2")
                .setParameter(1, p.toString()).setParameter(2, prov).executeUpdate();
        for (String u : units.stream().distinct().toList()) {
            em.createNativeQuery("INSERT INTO period_unit (period, province_code, unit_code) VALUES (?1, ?2, ?3)")
                    .setParameter(1, p.toString()).setParameter(2, prov).setParameter(3, u).executeUpdate();
        }
        return period(p, prov);
    }

    List<String> expectedUnits(Period p, String province) {
        List<String> configured = configuredUnits(p, province);
        return configured.isEmpty() ? derivedUnits(p, province) : configured;
    }

    @SuppressWarnings("unchecked")
    private List<String> configuredUnits(Period p, String province) {
        return em.createNativeQuery("SELECT unit_code FROM period_unit WHERE period = ?1 AND province_code = ?2 ORDER BY unit_code")
                .setParameter(1, p.toString()).setParameter(2, province).getResultList();
    }

    /** Districts in force during the quarter before the 2025 reform; the communes of the former territory after it. */
    private List<String> derivedUnits(Period p, String province) {
        return AdminUnit.<AdminUnit>list("territory = ?1 AND ((level = 'DISTRICT') OR (level = 'COMMUNE' AND validFrom IS NOT NULL)) "
                        + "AND (validFrom IS NULL OR validFrom <= ?2) AND (validTo IS NULL OR validTo >= ?3) ORDER BY code",
                province, p.end(), p.start()).stream().map(u -> u.code).distinct().toList();
    }

    @Transactional
    public QuarterlyViews.Deadline setDeadline(String province, int days) {
        if (!ReferenceData.REGISTRY_PROVINCES.contains(province)) {
            throw ProblemException.notFound("Province " + province);
        }
        if (days < 0 || days > 365) {
            throw ProblemException.invalid("daysAfterQuarter", "must be 0 to 365");
        }
        em.createNativeQuery("""
                        INSERT INTO province_deadline (province_code, days_after_quarter) VALUES (?1, ?2)
                        ON CONFLICT (province_code) DO UPDATE SET days_after_quarter = excluded.days_after_quarter""")
                .setParameter(1, province).setParameter(2, days).executeUpdate();
        return new QuarterlyViews.Deadline(province, days);
    }

    int deadlineDays(String province) {
        List<?> rows = em.createNativeQuery("SELECT days_after_quarter FROM province_deadline WHERE province_code = ?1")
                .setParameter(1, province).getResultList();
        return rows.isEmpty() ? DEFAULT_DEADLINE_DAYS : ((Number) rows.get(0)).intValue();
    }

    private String requireProvince(String province) {
        String p = province != null ? province : caller.officer().province();
        if (p == null || !ReferenceData.REGISTRY_PROVINCES.contains(p)) {
            throw ProblemException.badParameter("province", "must be 24 (Bắc Giang) or 52 (Bình Định)");
        }
        if (!caller.officer().touches(p)) {
            throw new ForbiddenException();
        }
        return p;
    }

    // ---- submissions ----------------------------------------------------------------------------

    /** Opens the caller's unit's submission for the period (409 when it exists: one per unit and period). */
    @Transactional
    public SubmissionView open(Period p) {
        String unit = caller.unit();
        if (unit == null) {
            throw new ForbiddenException("only a unit officer opens its unit's submission");
        }
        String province = reference.territoryOf(unit);
        if (province == null || !expectedUnits(p, province).contains(unit)) {
            List<AdminUnit> successors = reference.currentCommunesIn(unit);
            throw ProblemException.invalid("period", successors.isEmpty() ? "unit " + unit + " does not report in " + p
                    : "district " + unit + " reported up to 2025-Q2; since the reform of 1 July 2025 its area reports through the communes "
                    + successors.stream().map(u -> u.code + " " + u.fullName).collect(Collectors.joining(", ")));
        }
        // Parallel opens of the same unit and period queue here, so the second one sees the first one's draft.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "submission " + p + " " + unit).getSingleResult();
        Submission existing = Submission.find("period = ?1 AND unitCode = ?2", p.toString(), unit).firstResult();
        if (existing != null) {
            throw new ProblemException(409, "Unit " + unit + " already has submission " + existing.id + " for " + p,
                    List.of(new FieldError("period", "submission exists: " + existing.id)));
        }
        Submission s = new Submission();
        s.id = Ids.next();
        s.period = p.toString();
        s.unitCode = unit;
        s.provinceCode = province;
        s.state = State.DRAFT;
        s.version = 1;
        s.createdAt = Instant.now();
        s.createdBy = caller.subject();
        s.persist();
        event(s, null, null);
        return view(s);
    }

    public SubmissionView get(UUID id) {
        return view(readable(id));
    }

    public List<SubmissionView> list(Period p, State state, String province) {
        StringBuilder q = new StringBuilder("period = :period");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("period", p.toString()));
        if (state != null) {
            q.append(" AND state = :state");
            params.put("state", state);
        }
        String prov = province != null ? province : caller.officer().province();
        if (prov != null) {
            q.append(" AND provinceCode = :province");
            params.put("province", prov);
        }
        // at most one submission per unit and period: the province's few hundred are filtered here
        return Submission.<Submission>list(q + " ORDER BY unitCode", params).stream()
                .filter(s -> caller.officer().admits(s.unitCode, s.provinceCode)).map(this::view).toList();
    }

    /** Adds or replaces rows (by kind and row key) of a draft or returned submission. */
    @Transactional
    public QuarterlyViews.UploadSummary putItems(UUID id, List<ItemInput> items) {
        Submission s = editable(id);
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
            item.data = in.data() == null || in.data().isNull() ? null : cipher.sealFields(in.data()).toString();
            item.reason = in.reason();
            item.sheet = null;
            item.line = null;
            if (added) {
                em.persist(item);
            }
        }
        em.flush();
        int rows = checkRowCount(id);
        touch(s);
        return new QuarterlyViews.UploadSummary(id, items.size(), rows);
    }

    /**
     * Stores the rows of an uploaded CSV or XLSX file (streamed, upserted by row key in batches);
     * any bad row stores none. What one file may cost is bounded while it is read: an XLSX is
     * refused when it inflates too far (WorkbookInflation), reading stops at the row limit, at
     * the hundredth problem or repeated row key, and the rows go to the database in batches.
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "registry.quarterly.transaction-timeout")
    public QuarterlyViews.UploadSummary upload(UUID id, InputStream body, Kind csvKind) {
        Submission s = editable(id);
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
                Consumer<ItemUpload.UploadRow> sink = row -> {
                    if (keys.size() + duplicates.size() >= maxRows) {
                        throw ProblemException.invalid("file", "a submission holds at most " + maxRows + " rows; the file has more");
                    }
                    if (!keys.add(row.kind() + "/" + row.rowKey())) {
                        duplicates.add(new FieldError(row.sheet() + " row " + row.line(), "row key '" + row.rowKey() + "' appears twice"));
                        if (duplicates.size() >= ItemUpload.MAX_ERRORS) {
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
                        ps.setString(7, row.data() == null ? null : cipher.sealFields(row.data()).toString());
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
                BufferedInputStream in = new BufferedInputStream(body, 1 << 16);
                in.mark(8);
                byte[] magic = in.readNBytes(4);
                in.reset();
                if (magic.length == 4 && org.dhatim.fastexcel.reader.ReadableWorkbook.isOOXMLZipHeader(magic)) {
                    byte[] workbook = in.readAllBytes(); // at most the HTTP body limit; the reader would copy it whole anyway
                    WorkbookInflation.check(workbook);
                    upload.readXlsx(new ByteArrayInputStream(workbook), sink);
                } else {
                    upload.readCsv(in, csvKind == null ? Kind.PERSON : csvKind, sink);
                }
                ps.executeBatch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!duplicates.isEmpty()) {
            throw repeatedKeys(duplicates);
        }
        int rows = checkRowCount(id);
        touch(s);
        return new QuarterlyViews.UploadSummary(id, counters[1], rows);
    }

    private static ProblemException repeatedKeys(List<FieldError> duplicates) {
        return new ProblemException(422, "The file was not stored: row keys must be unique",
                duplicates.subList(0, Math.min(duplicates.size(), ItemUpload.MAX_ERRORS)));
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

    @Transactional
    public void deleteItem(UUID id, Kind kind, String rowKey) {
        Submission s = editable(id);
        long n = SubmissionItem.delete("submissionId = ?1 AND kind = ?2 AND rowKey = ?3", id, kind, rowKey);
        if (n == 0) {
            throw ProblemException.notFound("Row " + kind + "/" + rowKey);
        }
        touch(s);
    }

    @SuppressWarnings("unchecked")
    public List<QuarterlyViews.Event> events(UUID id) {
        readable(id);
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT from_state, to_state, actor, at, comment FROM submission_event WHERE submission_id = ?1 ORDER BY seq LIMIT " + MAX_EVENTS)
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> new QuarterlyViews.Event((String) r[0], (String) r[1], (String) r[2],
                vn.diaspora.registry.common.SqlValues.instant(r[3]), (String) r[4])).toList();
    }

    /** A page of the rows in order (keyset on position), with the comments of the latest review. */
    @Transactional
    public Page<ItemView> items(UUID id, Params.Paging paging) {
        readable(id);
        int n = Page.limit(paging.limit);
        List<String> cursor = Cursor.decode(paging.cursor, 1);
        int after = cursor == null ? 0 : position(cursor.get(0));
        List<SubmissionItem> rows = em.createQuery(
                        "FROM SubmissionItem WHERE submissionId = :s AND position > :after ORDER BY position", SubmissionItem.class)
                .setParameter("s", id).setParameter("after", after).setMaxResults(n + 1).getResultList();
        Map<String, String> comments = notes.latestComments(id);
        List<ItemView> items = rows.stream().limit(n).map(row -> itemView(row, comments.get(row.kind + "/" + row.rowKey))).toList();
        return new Page<>(items, rows.size() > n ? Cursor.encode(rows.get(n - 1).position) : null);
    }

    private static int position(String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw ProblemException.badParameter("cursor", "not a cursor returned by this list");
        }
        return Integer.parseInt(value);
    }

    /** Dry run: every finding per row; nothing is written. */
    @Transactional
    public ValidationReport validate(UUID id) {
        return report(readable(id));
    }

    @Transactional
    public SubmissionView submit(UUID id) {
        Submission s = editable(id);
        ValidationReport report = report(s);
        if (report.errors() > 0) {
            throw refused(report, "ERROR", report.errors() + " rows have errors: fix them (see the dry run) and submit again");
        }
        s = em.find(Submission.class, id); // the dry run read the rows in chunks and cleared the session; the row lock holds
        transition(s, State.SUBMITTED, null);
        s.submittedAt = Instant.now();
        s.submittedBy = caller.subject();
        return view(s);
    }

    /**
     * Applies every row in one transaction, or none: a row in error (including a conflict with
     * a change made since its base version) refuses the whole submission with 409. Accepting an
     * accepted submission changes nothing.
     */
    @Transactional // its timeout is set where its transaction begins: Idempotency.post
    public SubmissionView accept(UUID id, List<QuarterlyViews.RowComment> comments) {
        Submission s = reviewable(id);
        if (s.state == State.ACCEPTED) {
            return view(s);
        }
        requireState(s, State.SUBMITTED);
        ValidationReport report = report(s);
        if (report.errors() > 0) {
            throw refused(report, "ERROR", report.errors() + " rows cannot be applied; nothing was applied");
        }
        if (report.warnings() > 0) {
            throw refused(report, "WARNING", report.warnings() + " rows are likely duplicates nobody has decided on: mark each "
                    + "'not a duplicate', or return the submission so the unit turns it into an update of the existing record");
        }
        String unit = s.unitCode;
        String period = s.period;
        eachRow(id, row -> {
            RecordService<?, ?> records = records(row.kind);
            JsonNode data = parse(row.data);
            row.appliedId = switch (row.action) {
                case CREATE -> records.applyCreate(data, unit, id, period);
                case UPDATE -> records.applyUpdate(row.recordId, row.baseVersion, data, unit, id, period);
                case DELETE -> records.applyDelete(row.recordId, row.baseVersion, row.reason, id, period);
            };
        });
        persons.flushHistory();
        audit.record(vn.diaspora.registry.audit.AuditLog.Action.ACCEPT, "submissions", List.of(id), report.rows());
        s = em.find(Submission.class, id); // the row lock taken by reviewable() is held until commit
        transition(s, State.ACCEPTED, null);
        notes.comment(id, comments);
        s.reviewedAt = Instant.now();
        s.reviewedBy = caller.subject();
        return view(s);
    }

    /** 409 listing the findings of one level, each named by its row's kind and key (the unit's own) and field. */
    private static ProblemException refused(ValidationReport report, String level, String detail) {
        List<FieldError> rows = report.findings().stream().filter(f -> level.equals(f.level()))
                .map(f -> new FieldError(f.sheet() != null ? f.sheet() + " dòng " + f.line() + (f.column() == null ? "" : " '" + f.column() + "'")
                        : f.kind() + " " + f.rowKey() + (f.field() == null ? "" : " " + f.field()), f.messageEn(), f.code()))
                .limit(ItemUpload.MAX_ERRORS).toList();
        return new ProblemException(409, detail, rows);
    }

    /**
     * A person row is not the same person as an existing one the dry run matched: decided by the
     * unit while it edits the submission, or by the province while it reviews it, for a person the
     * decider may read. Remembered for the pair, also when the row is uploaded again.
     */
    @Transactional
    public ValidationReport notDuplicate(UUID id, Kind kind, String rowKey, UUID person) {
        Submission s = locked(id);
        boolean unit = s.unitCode.equals(caller.unit()) && (s.state == State.DRAFT || s.state == State.RETURNED);
        boolean province = s.provinceCode.equals(caller.province()) && s.state == State.SUBMITTED;
        if (!unit && !province) {
            throw new ForbiddenException("the unit decides while it edits the submission, the province while it reviews it");
        }
        SubmissionItem.Key key = new SubmissionItem.Key();
        key.submissionId = id;
        key.kind = kind;
        key.rowKey = rowKey;
        SubmissionItem row = em.find(SubmissionItem.class, key);
        boolean matched = row != null && persons.likelyDuplicatesOfRows(id).getOrDefault(row.position, List.of()).stream()
                .anyMatch(m -> m.id().equals(person) && caller.canRead(m.reportingUnit(), m.provinceCode()));
        if (!matched) {
            throw ProblemException.notFound("Likely duplicate " + person + " of row " + kind + "/" + rowKey);
        }
        notes.notDuplicate(id, kind, rowKey, person, caller.subject());
        return report(s);
    }

    @Transactional
    public SubmissionView returnToUnit(UUID id, String comment, List<QuarterlyViews.RowComment> comments) {
        Submission s = reviewable(id);
        requireState(s, State.SUBMITTED);
        transition(s, State.RETURNED, comment);
        notes.comment(id, comments);
        s.reviewComment = comment;
        s.reviewedAt = Instant.now();
        s.reviewedBy = caller.subject();
        return view(s);
    }

    // ---- completeness ---------------------------------------------------------------------------

    public Completeness completeness(Period p, String province) {
        String prov = requireProvince(province);
        LocalDate deadline = p.deadline(deadlineDays(prov));
        Instant due = deadline.plusDays(1).atStartOfDay(VIETNAM).toInstant();
        boolean duePassed = Instant.now().isAfter(due);
        Map<String, Submission> byUnit = Submission.<Submission>list("period = ?1 AND provinceCode = ?2", p.toString(), prov)
                .stream().collect(Collectors.toMap(s -> s.unitCode, Function.identity()));
        List<UnitStatus> units = new ArrayList<>();
        int reported = 0;
        int accepted = 0;
        int onTime = 0;
        for (String unit : expectedUnits(p, prov)) {
            Submission s = byUnit.get(unit);
            boolean isReported = s != null && (s.state == State.SUBMITTED || s.state == State.ACCEPTED);
            boolean timely = isReported && s.submittedAt != null && !s.submittedAt.isAfter(due);
            boolean late = isReported ? !timely : duePassed;
            reported += isReported ? 1 : 0;
            accepted += s != null && s.state == State.ACCEPTED ? 1 : 0;
            onTime += timely ? 1 : 0;
            units.add(new UnitStatus(unit, reference.units(unit).stream().findFirst().map(u -> u.fullName).orElse(unit),
                    s == null ? "NOT_STARTED" : s.state.name(), s == null ? null : s.id, isReported ? s.submittedAt : null,
                    s != null && s.state == State.ACCEPTED ? s.reviewedAt : null, timely, late));
        }
        int expected = units.size();
        return new Completeness(p.toString(), prov, deadline, expected, reported, accepted, onTime,
                rate(reported, expected), rate(onTime, expected), units);
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Findings listed in a report (a 50,000-row file lists its first ones); the counts cover every row. */
    static final int MAX_FINDINGS = 5000;
    /** Transitions listed per submission (each needs an officer's action; hundreds would already be odd). */
    static final int MAX_EVENTS = 1000;

    private ValidationReport report(Submission s) {
        UUID id = s.id;
        String unit = s.unitCode;
        Map<Integer, List<PersonService.Match>> duplicates = persons.likelyDuplicatesOfRows(id);
        Set<String> decided = notes.notDuplicates(id);
        List<RowReport> findings = new ArrayList<>();
        int[] counts = new int[4]; // rows, ok, warnings, errors
        eachRow(id, row -> {
            counts[0]++;
            RecordService<?, ?> records = records(row.kind);
            List<FieldError> problems = new ArrayList<>();
            problems.addAll(switch (row.action) {
                case CREATE -> records.checkRowData(parse(row.data), unit);
                case UPDATE -> records.checkRowChange(row.recordId, row.baseVersion, parse(row.data), unit);
                case DELETE -> records.checkRowChange(row.recordId, row.baseVersion, null, unit);
            });
            for (FieldError p : problems) {
                if (findings.size() <= MAX_FINDINGS) findings.add(finding(row, "ERROR", p.code(), p.field(), p.message(), null));
            }
            List<PersonService.Match> similar = problems.isEmpty() ? duplicates.getOrDefault(row.position, List.of()).stream()
                    .filter(m -> !decided.contains(ReviewNotes.pair(row.kind, row.rowKey, m.id()))).toList() : List.of();
            for (PersonService.Match other : similar) {
                if (findings.size() <= MAX_FINDINGS) findings.add(duplicateFinding(row, other));
            }
            if (!problems.isEmpty()) {
                counts[3]++;
            } else if (!similar.isEmpty()) {
                counts[2]++;
            } else {
                counts[1]++;
                if (findings.size() <= MAX_FINDINGS) findings.add(finding(row, "OK", ErrorCode.VALID, null, null, null));
            }
        });
        boolean truncated = findings.size() > MAX_FINDINGS;
        return new ValidationReport(id, counts[0], counts[1], counts[2], counts[3], truncated,
                truncated ? List.copyOf(findings.subList(0, MAX_FINDINGS)) : findings);
    }

    /**
     * A likely duplicate names the other person only to a caller who may read it; to others (a
     * unit whose row matches another unit's person) it says that one exists, and the province's
     * review, which may read both, sees the pair.
     */
    private RowReport duplicateFinding(SubmissionItem row, PersonService.Match other) {
        if (caller.canRead(other.reportingUnit(), other.provinceCode())) {
            return finding(row, "WARNING", ErrorCode.LIKELY_DUPLICATE, "fullName", "likely duplicate of existing person " + other.id(), other.id());
        }
        return finding(row, "WARNING", ErrorCode.LIKELY_DUPLICATE_ELSEWHERE, "fullName", null, null);
    }

    /** A finding of a row, its texts from the bundles by code, named where the official sees it (sheet, line, column header). */
    private static RowReport finding(SubmissionItem row, String level, ErrorCode code, String field, String detail, UUID person) {
        String column = field == null || row.sheet == null ? null : ItemColumns.header(row.kind, field);
        return new RowReport(row.position, row.kind, row.rowKey, row.sheet, row.line, column, level, code, field,
                Findings.vietnamese(code), Findings.english(code), detail, person);
    }

    private Submission readable(UUID id) {
        Submission s = Submission.findById(id);
        if (s == null || !caller.officer().admits(s.unitCode, s.provinceCode)) {
            throw ProblemException.notFound("Submission " + id);
        }
        return s;
    }

    /** The unit's own officers edit and submit, while it is a draft or returned. */
    private Submission editable(UUID id) {
        Submission s = locked(id);
        if (!s.unitCode.equals(caller.unit())) {
            throw new ForbiddenException("only the unit's officers edit its submission");
        }
        if (s.state != State.DRAFT && s.state != State.RETURNED) {
            throw new ProblemException(409, "Submission " + id + " is " + s.state + ": it can no longer be changed",
                    List.of(new FieldError("state", s.state.name())));
        }
        return s;
    }

    /** Only a province officer of the submission's province accepts or returns it. */
    private Submission reviewable(UUID id) {
        Submission s = locked(id);
        if (!s.provinceCode.equals(caller.province())) {
            throw new ForbiddenException("only the province's officers review its submissions");
        }
        return s;
    }

    private Submission locked(UUID id) {
        Submission s = em.find(Submission.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !caller.officer().admits(s.unitCode, s.provinceCode)) {
            throw ProblemException.notFound("Submission " + id);
        }
        return s;
    }

    private static void requireState(Submission s, State required) {
        if (s.state != required) {
            throw new ProblemException(409, "Submission " + s.id + " is " + s.state + ", not " + required,
                    List.of(new FieldError("state", s.state.name())));
        }
    }

    private void transition(Submission s, State to, String comment) {
        State from = s.state;
        s.state = to;
        touch(s);
        event(s, from, comment);
    }

    private void touch(Submission s) {
        s.version++;
    }

    private void event(Submission s, State from, String comment) {
        em.createNativeQuery("""
                        INSERT INTO submission_event (submission_id, seq, from_state, to_state, actor, at, comment)
                        VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM submission_event WHERE submission_id = ?1), ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, s.id).setParameter(2, from == null ? null : from.name()).setParameter(3, s.state.name())
                .setParameter(4, caller.subject()).setParameter(5, Instant.now()).setParameter(6, comment)
                .executeUpdate();
    }

    /** Rows are read in chunks, and the persistence context cleared after each: a 50,000-row submission never sits in memory whole. */
    private static final int CHUNK = 500;

    private void eachRow(UUID id, Consumer<SubmissionItem> action) {
        int after = 0;
        while (true) {
            List<SubmissionItem> chunk = em.createQuery(
                            "FROM SubmissionItem WHERE submissionId = :s AND position > :after ORDER BY position", SubmissionItem.class)
                    .setParameter("s", id).setParameter("after", after).setMaxResults(CHUNK).getResultList();
            if (chunk.isEmpty()) {
                return;
            }
            chunk.forEach(action);
            after = chunk.get(chunk.size() - 1).position;
            em.flush();
            em.clear();
        }
    }

    private SubmissionView view(Submission s) {
        long count = SubmissionItem.count("submissionId", s.id);
        return new SubmissionView(s.id, s.period, s.unitCode, s.provinceCode, s.state, s.reviewComment, s.version, (int) count,
                Period.parse(s.period).deadline(deadlineDays(s.provinceCode)), s.createdAt, s.createdBy, s.submittedAt,
                s.submittedBy, s.reviewedAt, s.reviewedBy);
    }

    private ItemView itemView(SubmissionItem i, String reviewComment) {
        return new ItemView(i.position, i.kind, i.rowKey, i.action, i.recordId, i.baseVersion, parse(i.data), i.reason, i.appliedId, reviewComment);
    }

    /** A row's data as sent: its contacts and notes are kept encrypted (FieldCipher). */
    private JsonNode parse(String data) {
        try {
            return data == null ? null : cipher.openFields(json.readTree(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
