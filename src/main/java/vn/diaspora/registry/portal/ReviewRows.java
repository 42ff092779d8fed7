package vn.diaspora.registry.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diaspora.registry.common.ContactDetails;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.person.LikelyDuplicates;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.record.RecordColumns;
import vn.diaspora.registry.quarterly.QuarterlyService;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemView;
import vn.diaspora.registry.quarterly.QuarterlyViews.RowReport;
import vn.diaspora.registry.quarterly.QuarterlyViews.SubmissionView;
import vn.diaspora.registry.quarterly.Submission;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordServices;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A submission's rows as a reviewer reads them: what each row changes, field by field, against
 * the record as it is now (read through the record's own service, so scope, redaction and the
 * audit of the read are the API's), with the row's findings from the dry run.
 */
@ApplicationScoped
class ReviewRows {
    /** Rows shown on one review page, each with its changes against the record it touches. */
    static final int SHOWN = 50;

    /** A field's change; {@code label} is the template's column header of the field. */
    public record Change(String field, String label, String old, String now) {
    }

    /** {@code target}: the record an UPDATE or DELETE row touches, as officials tell persons apart (name, birth year, hometown). */
    public record Row(int position, RecordKind kind, String sheetName, String rowKey, String action, String sheet, Integer line, String level,
                      List<RowReport> findings, List<Change> changes, String reason, String reviewComment, java.util.UUID recordId, String target,
                      List<Evidence> duplicates, String draft) {
        public String commentField() {
            return "row:" + kind + ":" + rowKey;
        }
    }

    @Inject
    QuarterlyService quarterly;
    @Inject
    ObjectMapper json;
    @Inject
    RecordServices services;
    @Inject
    Values values;
    @Inject
    LikelyDuplicates duplicates;

    /** An existing person a row may duplicate, as the reviewer tells persons apart, and the value that selects the pair for a decision. */
    public record Evidence(java.util.UUID personId, String who, String pair, LikelyDuplicates.SameContacts same) {
    }

    /** A page of a report's rows for its review, the cursor it was read at (null on the first) and the next page's (null on the last). */
    record Rows(List<Row> rows, String cursor, String next) {
    }

    /**
     * A page of rows after {@code cursor} (only those whose last check found {@code code}, when
     * given), each with the findings of the report's last check (QuarterlyService#lastCheck ran first).
     */
    Rows of(SubmissionView submission, String cursor, ErrorCode code) {
        boolean accepted = submission.state() == Submission.State.ACCEPTED;
        Params.Paging paging = new Params.Paging();
        paging.limit = String.valueOf(SHOWN);
        paging.cursor = cursor;
        Page<ItemView> items = code == null ? quarterly.items(submission.id(), paging) : quarterly.itemsWithFinding(submission.id(), code, paging);
        if (items.items().isEmpty()) {
            return new Rows(List.of(), cursor, null);
        }
        Map<Integer, List<RowReport>> findings = quarterly.rowFindings(submission.id(), items.items().get(0).position(),
                items.items().get(items.items().size() - 1).position());
        Map<java.util.UUID, JsonNode> records = accepted ? Map.of() : current(items.items());
        Map<String, String> drafts = submission.state() == Submission.State.SUBMITTED ? quarterly.draftComments(submission.id()) : Map.of();
        Map<java.util.UUID, JsonNode> likely = persons(findings.values().stream().flatMap(List::stream).map(RowReport::personId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        List<Row> rows = new ArrayList<>();
        for (ItemView item : items.items()) {
            List<RowReport> own = findings.getOrDefault(item.position(), List.of());
            String level = own.stream().map(RowReport::level).filter("ERROR"::equals).findAny()
                    .or(() -> own.stream().map(RowReport::level).filter("WARNING"::equals).findAny()).orElse("OK");
            // deleted or out of scope since the row was written: no record (the row's findings say so)
            JsonNode current = item.recordId() == null ? NullNode.instance
                    : accepted ? asBefore(item.kind(), item.recordId(), item.baseVersion()) : records.getOrDefault(item.recordId(), NullNode.instance);
            rows.add(new Row(item.position(), item.kind(), values.sheet(item.kind()), item.rowKey(), item.action().name(), item.sheet(), item.line(), level,
                    own.stream().filter(f -> !f.level().equals("OK")).toList(), changes(item.kind(), current, item.data()), item.reason(), item.reviewComment(),
                    item.recordId(), target(item.kind(), current), own.stream().filter(f -> f.personId() != null && likely.containsKey(f.personId()))
                    .map(f -> new Evidence(f.personId(), target(RecordKind.PERSON, likely.get(f.personId())), item.kind() + "|" + item.rowKey() + "|" + f.personId(),
                            duplicates.sameContacts(f.personId(), contacts(item.data()))))
                    .toList(), drafts.get(item.kind() + "/" + item.rowKey())));
        }
        return new Rows(rows, cursor, items.nextCursor());
    }

    /** A row's e-mail and phone, as it gives them (none for a row without). */
    private static ContactDetails contacts(JsonNode data) {
        JsonNode c = data == null ? null : data.get("contacts");
        return c == null || !c.isObject() ? null : new ContactDetails(c.path("email").asText(null), c.path("phone").asText(null), null);
    }

    /** The persons likely duplicated, as the reviewer may read them (one read, one audit event). */
    private Map<java.util.UUID, JsonNode> persons(java.util.Set<java.util.UUID> ids) {
        Map<java.util.UUID, JsonNode> persons = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            services.of(RecordKind.PERSON).read(ids).forEach((id, view) -> persons.put(id, json.valueToTree(view.data())));
        }
        return persons;
    }

    /** The records the rows change, as they are now: one read (and one audit event) per kind. */
    private Map<java.util.UUID, JsonNode> current(List<ItemView> items) {
        Map<java.util.UUID, JsonNode> records = new java.util.HashMap<>();
        items.stream().filter(i -> i.recordId() != null).collect(Collectors.groupingBy(ItemView::kind, Collectors.mapping(ItemView::recordId, Collectors.toSet())))
                .forEach((kind, ids) -> services.of(kind).read(ids).forEach((id, view) -> records.put(id, json.valueToTree(view.data()))));
        return records;
    }

    /** Who or what a record is, in a few words: its name, then a person's birth year and hometown, or the country. */
    String target(RecordKind kind, JsonNode record) {
        if (record == null || record.isNull() || record.isMissingNode()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("fullName", "name")) {
            if (record.hasNonNull(field)) {
                parts.add(record.get(field).asText());
            }
        }
        if (record.hasNonNull("birthYear")) {
            parts.add(record.get("birthYear").asText());
        } else if (record.hasNonNull("birthDate")) {
            parts.add(record.get("birthDate").asText().substring(0, 4));
        }
        for (String field : List.of("hometownCode", "country")) {
            if (record.hasNonNull(field)) {
                parts.add(values.shown(kind, field, record.get(field).asText()));
                break;
            }
        }
        return String.join(" · ", parts);
    }

    /** The record as the row found it (its base version): an accepted row's record now holds the row's own values. */
    private JsonNode asBefore(RecordKind kind, java.util.UUID id, Integer version) {
        try {
            return services.of(kind).history(id).stream().filter(v -> version != null && v.version() == version)
                    .map(v -> v.snapshot()).findFirst().orElse(NullNode.instance);
        } catch (vn.diaspora.registry.common.ProblemException gone) {
            return NullNode.instance;
        }
    }

    /**
     * The fields the row sets, each with the record's value now; for a new record every field it
     * fills. In the template's order, each value as officials know it (Values).
     */
    List<Change> changes(RecordKind kind, JsonNode current, JsonNode row) {
        Map<String, String> before = flat(current);
        Map<String, String> after = flat(row);
        List<Change> changes = new ArrayList<>();
        for (String field : Values.inTemplateOrder(kind, row == null || row.isNull() ? before.keySet() : after.keySet(), f -> f)) {
            String old = before.getOrDefault(field, "");
            String now = row == null || row.isNull() ? "" : after.getOrDefault(field, "");
            if (!old.equals(now)) {
                changes.add(new Change(field, values.label(kind, field), values.shown(kind, field, old), values.shown(kind, field, now)));
            }
        }
        return changes;
    }

    /** Each field of a row beside the same field of a record, both as officials know them, in the template's order. */
    List<Change> sideBySide(RecordKind kind, JsonNode record, JsonNode row) {
        Map<String, String> existing = flat(record);
        Map<String, String> fields = flat(row);
        return Values.inTemplateOrder(kind, fields.keySet(), f -> f).stream()
                .map(f -> new Change(f, values.label(kind, f), values.shown(kind, f, existing.getOrDefault(f, "")), values.shown(kind, f, fields.get(f))))
                .toList();
    }

    /** A JSON object as dotted field paths and their text (lists joined with "; "). */
    static Map<String, String> flat(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        flat("", node, fields);
        return fields;
    }

    private static void flat(String prefix, JsonNode node, Map<String, String> into) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flat(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(i -> items.add(i.isValueNode() ? i.asText() : i.toString()));
            into.put(prefix, String.join("; ", items));
        } else {
            into.put(prefix, node.isNull() ? "" : node.asText());
        }
    }
}
