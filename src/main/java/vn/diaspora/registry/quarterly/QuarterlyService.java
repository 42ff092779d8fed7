package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.record.RecordColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import vn.diaspora.registry.audit.AuditLog;
import vn.diaspora.registry.common.Cursor;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.Ids;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.person.LikelyDuplicates;
import vn.diaspora.registry.record.History;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemInput;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemView;
import vn.diaspora.registry.quarterly.QuarterlyViews.RowReport;
import vn.diaspora.registry.quarterly.QuarterlyViews.SubmissionView;
import vn.diaspora.registry.quarterly.QuarterlyViews.ValidationReport;
import vn.diaspora.registry.quarterly.Submission.State;
import vn.diaspora.registry.quarterly.SubmissionItem.Action;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.reference.AdminUnit;
import vn.diaspora.registry.reference.ReferenceData;
import vn.diaspora.registry.security.Caller;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The quarterly cycle: a reporting unit opens its submission for a period, fills it with rows
 * (create / update / delete of records, keyed by its own row keys), checks it (dry run) and
 * submits it; the province's officer accepts it, applying every row in one transaction, or
 * returns it with a comment. Every transition is recorded.
 */
@ApplicationScoped
public class QuarterlyService {

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    ReferenceData reference;
    @Inject
    LikelyDuplicates likelyDuplicates;
    @Inject
    History history;
    @Inject
    ReviewNotes notes;
    @Inject
    ReportingCalendar calendar;
    @Inject
    RowStore rows;
    @Inject
    AuditLog audit;
    @Inject
    CheckedFindings checked;

    @Inject
    vn.diaspora.registry.record.RecordServices records;

    // ---- submissions ----------------------------------------------------------------------------

    /** Opens the caller's unit's submission for the period (409 when it exists: one per unit and period). */
    @Transactional
    public SubmissionView open(Period p) {
        String unit = caller.unit();
        if (unit == null) {
            throw ProblemException.forbidden("Only a unit officer opens its unit's submission");
        }
        String province = reference.territoryOf(unit);
        if (province == null || !calendar.expectedUnits(p, province).contains(unit)) {
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
            throw ProblemException.conflict("Unit " + unit + " already has submission " + existing.id + " for " + p,
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
        QuarterlyViews.UploadSummary stored = rows.put(id, items);
        rowsChanged(s);
        return stored;
    }

    /** Stores the rows of an uploaded CSV or XLSX file (RowStore); any bad row stores none. */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "registry.quarterly.transaction-timeout")
    public QuarterlyViews.UploadSummary upload(UUID id, InputStream body, RecordKind csvKind) {
        Submission s = editable(id);
        QuarterlyViews.UploadSummary stored = rows.upload(id, body, csvKind);
        rowsChanged(s);
        return stored;
    }

    /**
     * One row replaced by its cells, mended in the portal: read by the file rules (RowStore), it
     * keeps the sheet and line of the file it came from, where the official will look for it.
     */
    @Transactional
    public QuarterlyViews.UploadSummary mend(UUID id, RecordKind kind, String rowKey, InputStream cells) {
        Submission s = editable(id);
        SubmissionItem before = row(id, kind, rowKey);
        String sheet = before.sheet;
        Integer line = before.line;
        QuarterlyViews.UploadSummary stored = rows.upload(id, cells, kind);
        rows.origin(id, kind, rowKey, sheet, line);
        touch(s);
        SubmissionItem mended = row(id, kind, rowKey);
        rechecked(s, mended, likelyDuplicates.of(id, mended.position));
        return stored;
    }

    /** One row of a submission, by its kind and row key (404 when the submission has no such row). */
    @Transactional
    public ItemView item(UUID id, RecordKind kind, String rowKey) {
        readable(id);
        SubmissionItem row = row(id, kind, rowKey);
        return itemView(row, notes.latestComments(id).get(SubmissionItem.name(row.kind, row.rowKey)));
    }

    private SubmissionItem row(UUID id, RecordKind kind, String rowKey) {
        SubmissionItem row = rows.find(id, kind, rowKey);
        if (row == null) {
            throw ProblemException.notFound("Row " + kind + "/" + rowKey + " of submission " + id);
        }
        return row;
    }

    @Transactional
    public void deleteItem(UUID id, RecordKind kind, String rowKey) {
        Submission s = editable(id);
        rows.delete(id, kind, rowKey);
        rowsChanged(s);
    }

    /** How many rows create, update and delete records: what an accept would do. */
    @Transactional
    public QuarterlyViews.RowActions rowsByAction(UUID id) {
        readable(id);
        Map<Action, Long> counts = rows.countByAction(id);
        return new QuarterlyViews.RowActions(counts.get(Action.CREATE), counts.get(Action.UPDATE), counts.get(Action.DELETE));
    }

    /** The reviewer's row comments of the latest review, with the rows they are about, in the rows' order. */
    @Transactional
    public List<ItemView> commentedRows(UUID id) {
        readable(id);
        Map<String, String> comments = notes.latestComments(id);
        List<ItemView> commented = new ArrayList<>();
        for (SubmissionItem row : rows.named(id, comments.keySet())) {
            commented.add(itemView(row, comments.get(SubmissionItem.name(row.kind, row.rowKey))));
        }
        return commented;
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
        Integer after = Cursor.after(paging.cursor, Integer::valueOf);
        return itemsPage(id, rows.after(id, after == null ? 0 : after, n + 1), n);
    }

    /** Up to {@code n} of {@code found} (read one more, to know if a next page exists), with the comments of the latest review. */
    private Page<ItemView> itemsPage(UUID id, List<SubmissionItem> found, int n) {
        Map<String, String> comments = notes.latestComments(id);
        return Page.of(found, n, row -> row.position).map(row -> itemView(row, comments.get(SubmissionItem.name(row.kind, row.rowKey))));
    }

    /**
     * Dry run: every finding per row; nothing is written. An accepted submission answers the
     * findings its accept had, frozen: checked again, its rows would meet the records they made.
     */
    @Transactional
    public ValidationReport validate(UUID id) {
        Submission s = readable(id);
        if (s.state == State.ACCEPTED) {
            CheckedFindings.Counts counts = checked.counts(id);
            List<RowReport> findings = new ArrayList<>(checked.page(id, CheckedFindings.Shown.PROBLEMS, 0, MAX_FINDINGS).stream().map(this::told).toList());
            findings.addAll(checked.page(id, CheckedFindings.Shown.OK, 0, MAX_FINDINGS - findings.size()).stream().map(this::told).toList());
            return new ValidationReport(id, counts.rows(), counts.ok(), counts.warnings(), counts.errors(), counts.rows() > findings.size(), findings);
        }
        return check(s);
    }

    /** A page of the rows whose last check found {@code code} (an error's code; a likely duplicate of a person the caller may read), in order. */
    @Transactional
    public Page<ItemView> itemsWithFinding(UUID id, ErrorCode code, Params.Paging paging) {
        readable(id);
        int n = Page.limit(paging.limit);
        Integer after = Cursor.after(paging.cursor, Integer::valueOf);
        return itemsPage(id, rows.at(id, checked.positionsWith(id, code, caller.readable(), after == null ? 0 : after, n + 1)), n);
    }

    /** The codes the last check found, each with its number of rows, the most frequent first: what a review may filter by. */
    @Transactional
    public Map<ErrorCode, Long> findingCodes(UUID id) {
        readable(id);
        return checked.codes(id);
    }

    /** The last check's findings of the rows from position {@code from} to {@code to}, as the caller is told them, by position. */
    @Transactional
    public Map<Integer, List<RowReport>> rowFindings(UUID id, int from, int to) {
        readable(id);
        return checked.ofRows(id, from, to).stream().map(this::told)
                .collect(Collectors.groupingBy(RowReport::row, java.util.LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * The last check of a report, a page of its findings at a time (errors first; or the OK rows),
     * without checking the rows again unless they changed since; an accepted report keeps those of its accept.
     */
    @Transactional
    public QuarterlyViews.CheckedPage lastCheck(UUID id, CheckedFindings.Shown shown, int offset, int limit) {
        Submission s = readable(id);
        CheckedFindings.Counts counts = checked.counts(id);
        if (counts.checkedAt() == null && s.state != State.ACCEPTED && counts.rows() > 0) {
            check(s);
            counts = checked.counts(id);
        }
        List<RowReport> page = checked.page(id, shown, offset, limit + 1).stream().map(this::told).toList();
        return new QuarterlyViews.CheckedPage(id, counts.rows(), counts.ok(), counts.warnings(), counts.errors(), counts.checkedAt(),
                page.subList(0, Math.min(limit, page.size())), page.size() > limit);
    }

    /** Checks every row again now (the registry may have changed since the last check) and keeps the findings. */
    @Transactional
    public ValidationReport recheck(UUID id) {
        Submission s = readable(id);
        if (s.state == State.ACCEPTED) {
            throw ProblemException.conflict("Submission " + id + " is ACCEPTED: its findings are those of its accept",
                    List.of(new FieldError("state", s.state.name())));
        }
        return check(s);
    }

    /** A full dry run, its findings kept (CheckedFindings). */
    private ValidationReport check(Submission s) {
        List<CheckedFindings.Kept> kept = new ArrayList<>();
        ValidationReport report = report(s, RecordService.RowContext.dryRun(s.unitCode), likelyDuplicates.of(s.id, null),
                check -> rows.forEach(s.id, check), kept);
        checked.replace(s.id, null, kept);
        return report;
    }

    /** One row checked again after it changed, its kept findings replaced, unless the whole report is to be checked anyway. */
    private ValidationReport rechecked(Submission s, SubmissionItem row, Map<Integer, List<LikelyDuplicates.Match>> duplicates) {
        List<CheckedFindings.Kept> kept = new ArrayList<>();
        ValidationReport report = report(s, RecordService.RowContext.dryRun(s.unitCode), duplicates, check -> check.accept(row), kept);
        if (checked.checkedAt(s.id) != null) {
            checked.replace(s.id, row.position, kept);
        }
        return report;
    }

    /** Rows were added, replaced or removed: the report changed, and its last check no longer holds. */
    private void rowsChanged(Submission s) {
        touch(s);
        checked.stale(s.id);
    }

    /** The dry run of one row: its findings as validate gives them, without checking the others. */
    @Transactional
    public ValidationReport validateRow(UUID id, RecordKind kind, String rowKey) {
        Submission s = readable(id);
        SubmissionItem row = row(id, kind, rowKey);
        return report(s, RecordService.RowContext.dryRun(s.unitCode), likelyDuplicates.of(id, row.position), check -> check.accept(row), null);
    }

    /**
     * Sends the report for review. A report without rows says "no changes this quarter", which
     * counts as reported: the unit declares it ({@code noChanges}), it never happens by accident
     * (a refused upload leaves a report empty).
     */
    @Transactional
    public SubmissionView submit(UUID id, boolean noChanges) {
        Submission s = editable(id);
        long count = rows.count(id);
        if (count == 0 && !noChanges) {
            throw ProblemException.conflict("Submission " + id + " has no rows: upload the unit's changes, or declare a quarter "
                    + "without changes with noChanges=true", List.of(new FieldError("items", "no rows", ErrorCode.NO_ROWS)));
        }
        if (count > 0 && noChanges) {
            throw ProblemException.conflict("Submission " + id + " has " + count + " rows: it is not a quarter without changes",
                    List.of(new FieldError("noChanges", "the report has rows", ErrorCode.INVALID)));
        }
        ValidationReport report = check(s);
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
        // one pass: each row is checked and, when nothing is wrong with it, applied; any finding rolls it all back
        List<CheckedFindings.Kept> kept = new ArrayList<>();
        ValidationReport report = report(s, new RecordService.RowContext(s.unitCode, id, s.period), likelyDuplicates.of(id, null),
                check -> rows.forEach(id, check), kept);
        if (report.errors() > 0) {
            throw refused(report, "ERROR", report.errors() + " rows cannot be applied; nothing was applied");
        }
        if (report.warnings() > 0) {
            throw refused(report, "WARNING", report.warnings() + " rows are likely duplicates nobody has decided on: mark each "
                    + "'not a duplicate', or return the submission so the unit turns it into an update of the existing record; a likely "
                    + "duplicate in another province (LIKELY_DUPLICATE_ELSEWHERE) is decided by the registry admin, who may read both");
        }
        history.flush(); // the versions of the rows applied are written in batches
        audit.record(AuditLog.Action.ACCEPT, "submissions", List.of(id), report.rows());
        s = em.find(Submission.class, id); // the row lock taken by reviewable() is held until commit
        transition(s, State.ACCEPTED, null);
        checked.replace(id, null, kept); // the accept's findings, kept for good: an accepted report is never checked again
        notes.comment(id, comments);
        s.reviewedAt = Instant.now();
        s.reviewedBy = caller.subject();
        return view(s);
    }

    /** 409 listing the findings of one level, each named by its row's kind and key (the unit's own) and field. */
    private static ProblemException refused(ValidationReport report, String level, String detail) {
        List<FieldError> rows = report.findings().stream().filter(f -> level.equals(f.level()))
                .map(f -> new FieldError(f.sheet() != null ? f.sheet() + " line " + f.line() + (f.column() == null ? "" : " '" + f.column() + "'")
                        : f.kind() + " " + f.rowKey() + (f.field() == null ? "" : " " + f.field()), f.messageEn(), f.code()))
                .limit(RowParser.MAX_ERRORS).toList();
        return ProblemException.conflict(detail, rows);
    }

    /**
     * A person row is not the same person as an existing one the dry run matched: decided by the
     * unit while it edits the submission, or by the province while it reviews it, for a person the
     * decider may read. Remembered for the pair, also when the row is uploaded again.
     */
    @Transactional
    public ValidationReport notDuplicate(UUID id, RecordKind kind, String rowKey, UUID person) {
        return notDuplicate(locked(id), kind, rowKey, person);
    }

    /** Many rows decided "not a duplicate" at once (the review's selection), all or none. */
    @Transactional
    public void notDuplicates(UUID id, List<QuarterlyViews.RowPerson> pairs) {
        Submission s = locked(id);
        for (QuarterlyViews.RowPerson pair : pairs) {
            notDuplicate(s, pair.kind(), pair.rowKey(), pair.personId());
        }
    }

    private ValidationReport notDuplicate(Submission s, RecordKind kind, String rowKey, UUID person) {
        Decidable d = decidable(s, kind, rowKey, person);
        notes.notDuplicate(s.id, kind, rowKey, person, caller.subject());
        return rechecked(s, d.row(), d.duplicates());
    }

    /**
     * The rows become changes of the registered persons they likely duplicate: each row's fields
     * over the person's (a merge patch), based on the person's version now; all or none. Decided
     * by whoever may decide "not a duplicate" of the pair.
     */
    @Transactional
    public void updateExisting(UUID id, List<QuarterlyViews.RowPerson> pairs) {
        Submission s = locked(id);
        for (QuarterlyViews.RowPerson pair : pairs) {
            SubmissionItem row = decidable(s, pair.kind(), pair.rowKey(), pair.personId()).row();
            row.action = Action.UPDATE;
            row.recordId = pair.personId();
            row.baseVersion = records.of(RecordKind.PERSON).get(pair.personId()).version();
            rechecked(s, row, Map.of());  // an update duplicates nobody
        }
        touch(s);
    }

    /** A row with a likely duplicate the caller may decide on, and the dry run's matches of the row. */
    private record Decidable(SubmissionItem row, Map<Integer, List<LikelyDuplicates.Match>> duplicates) {
    }

    /** Who decides when (the unit while it edits, the province or the registry admin while it is reviewed), and that the dry run matched the pair. */
    private Decidable decidable(Submission s, RecordKind kind, String rowKey, UUID person) {
        UUID id = s.id;
        boolean unit = s.unitCode.equals(caller.unit()) && (s.state == State.DRAFT || s.state == State.RETURNED);
        boolean province = s.provinceCode.equals(caller.province()) && s.state == State.SUBMITTED;
        // a likely duplicate in another province is the registry admin's to decide: the only one who may read both persons
        boolean admin = caller.is(vn.diaspora.registry.security.Roles.REGISTRY_ADMIN) && s.state == State.SUBMITTED;
        if (!unit && !province && !admin) {
            throw ProblemException.forbidden("The unit decides while it edits the submission, the province (or the registry admin) while it is reviewed");
        }
        SubmissionItem row = rows.find(id, kind, rowKey);
        Map<Integer, List<LikelyDuplicates.Match>> duplicates = row == null ? Map.of() : likelyDuplicates.of(id, row.position);
        boolean matched = row != null && duplicates.getOrDefault(row.position, List.of()).stream()
                .anyMatch(m -> m.id().equals(person) && caller.canRead(m.reportingUnit(), m.provinceCode()));
        if (!matched) {
            throw ProblemException.notFound("Likely duplicate " + person + " of row " + kind + "/" + rowKey);
        }
        return new Decidable(row, duplicates);
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

    /**
     * Row comments the reviewer writes before deciding, page by page: kept with the review under
     * way and given to the unit with the decision (a blank one removes the row's draft).
     */
    @Transactional
    public void draftComments(UUID id, List<QuarterlyViews.RowComment> comments) {
        Submission s = reviewable(id);
        requireState(s, State.SUBMITTED);
        notes.draft(id, comments);
    }

    /** The drafts of {@link #draftComments}, by row ({@code KIND/rowKey}); none once the review is decided. */
    public Map<String, String> draftComments(UUID id) {
        Submission s = readable(id);
        return s.provinceCode.equals(caller.province()) ? notes.drafts(id) : Map.of();
    }

    /** The period's submissions of a province (at most one per unit), for completeness and reports. */
    // ---- helpers --------------------------------------------------------------------------------

    /** Findings listed in a report (a 50,000-row file lists its first ones); the counts cover every row. */
    static final int MAX_FINDINGS = 5000;
    /** Transitions listed per submission (each needs an officer's action; hundreds would already be odd). */
    static final int MAX_EVENTS = 1000;

    /**
     * Every row's findings, each row checked in {@code context}: a dry run writes nothing; an
     * accept applies each row that has no problem (the caller rolls all back when any has one).
     * Likely duplicates are matched before any row is applied.
     */

    /** The findings of the rows that {@code rowsToCheck} hands to its consumer. */
    private ValidationReport report(Submission s, RecordService.RowContext context, Map<Integer, List<LikelyDuplicates.Match>> duplicates,
                                    Consumer<Consumer<SubmissionItem>> rowsToCheck, List<CheckedFindings.Kept> kept) {
        UUID id = s.id;
        Set<String> decided = notes.notDuplicates(id);
        List<RowReport> findings = new ArrayList<>();
        int[] counts = new int[4]; // rows, ok, warnings, errors
        rowsToCheck.accept(row -> {
            counts[0]++;
            RecordService<?, ?> records = this.records.of(row.kind);
            RecordService.RowResult result = switch (row.action) {
                case CREATE -> records.createRow(rows.data(row), context);
                case UPDATE -> records.changeRow(row.recordId, row.baseVersion, rows.data(row), null, context);
                case DELETE -> records.changeRow(row.recordId, row.baseVersion, null, row.reason, context);
            };
            if (result.recordId() != null) {
                row.appliedId = result.recordId();
            }
            List<FieldError> problems = result.errors();
            for (FieldError p : problems) {
                keep(CheckedFindings.Kept.of(row, "ERROR", p.code(), p.field(), p.message(), null), findings, kept);
            }
            List<LikelyDuplicates.Match> similar = problems.isEmpty() ? duplicates.getOrDefault(row.position, List.of()).stream()
                    .filter(m -> !decided.contains(ReviewNotes.pair(row.kind, row.rowKey, m.id()))).toList() : List.of();
            for (LikelyDuplicates.Match other : similar) {
                keep(CheckedFindings.Kept.of(row, "WARNING", ErrorCode.LIKELY_DUPLICATE, "fullName", "likely duplicate of existing person " + other.id(), other),
                        findings, kept);
            }
            if (!problems.isEmpty()) {
                counts[3]++;
            } else if (!similar.isEmpty()) {
                counts[2]++;
            } else {
                counts[1]++;
                if (findings.size() <= MAX_FINDINGS) {
                    findings.add(told(CheckedFindings.Kept.of(row, "OK", ErrorCode.VALID, null, null, null)));
                }
            }
        });
        boolean truncated = findings.size() > MAX_FINDINGS;
        return new ValidationReport(id, counts[0], counts[1], counts[2], counts[3], truncated,
                truncated ? List.copyOf(findings.subList(0, MAX_FINDINGS)) : findings);
    }

    /** A finding made: kept for the report's pages, and told in the answer while the answer lists fewer than its limit. */
    private void keep(CheckedFindings.Kept finding, List<RowReport> told, List<CheckedFindings.Kept> kept) {
        if (kept != null) {
            kept.add(finding);
        }
        if (told.size() <= MAX_FINDINGS) {
            told.add(told(finding));
        }
    }

    /**
     * A finding as its reader is told it, its texts from the bundles by code, named where the
     * official sees it (sheet, line, column header). A likely duplicate names the other person
     * only to a reader who may read it; to others (a unit whose row matches another unit's person)
     * it says that one exists, and the province's review, which may read both, sees the pair.
     */
    private RowReport told(CheckedFindings.Kept k) {
        ErrorCode code = k.code();
        String detail = k.detail();
        UUID person = null;
        if (k.duplicate() != null) {
            if (caller.canRead(k.duplicate().reportingUnit(), k.duplicate().provinceCode())) {
                person = k.duplicate().id();
            } else {
                code = ErrorCode.LIKELY_DUPLICATE_ELSEWHERE;
                detail = null;
            }
        }
        String column = k.field() == null || k.sheet() == null ? null : RecordColumns.header(k.kind(), k.field());
        ErrorCode texts = code == null ? ErrorCode.INVALID : code;
        return new RowReport(k.position(), k.kind(), k.rowKey(), k.sheet(), k.line(), column, k.level(), code, k.field(),
                texts.vietnamese(), texts.english(), detail, person);
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
            throw ProblemException.forbidden("Only the unit's officers edit its submission");
        }
        if (s.state != State.DRAFT && s.state != State.RETURNED) {
            throw ProblemException.conflict("Submission " + id + " is " + s.state + ": it can no longer be changed",
                    List.of(new FieldError("state", s.state.name())));
        }
        return s;
    }

    /** Only a province officer of the submission's province accepts or returns it. */
    private Submission reviewable(UUID id) {
        Submission s = locked(id);
        if (!s.provinceCode.equals(caller.province())) {
            throw ProblemException.forbidden("Only the province's officers review its submissions");
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
            throw ProblemException.conflict("Submission " + s.id + " is " + s.state + ", not " + required,
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

    private SubmissionView view(Submission s) {
        long count = rows.count(s.id);
        return new SubmissionView(s.id, s.period, s.unitCode, s.provinceCode, s.state, s.reviewComment, s.version, (int) count,
                calendar.deadline(Period.parse(s.period), s.provinceCode), s.createdAt, s.createdBy, s.submittedAt,
                s.submittedBy, s.reviewedAt, s.reviewedBy);
    }

    private ItemView itemView(SubmissionItem i, String reviewComment) {
        return new ItemView(i.position, i.kind, i.rowKey, i.action, i.recordId, i.baseVersion, rows.data(i), i.reason, i.sheet, i.line, i.appliedId, reviewComment);
    }


}
