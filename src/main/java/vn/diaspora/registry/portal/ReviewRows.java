package vn.diaspora.registry.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.quarterly.ItemColumns;
import vn.diaspora.registry.quarterly.QuarterlyService;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemView;
import vn.diaspora.registry.quarterly.QuarterlyViews.RowReport;
import vn.diaspora.registry.quarterly.QuarterlyViews.ValidationReport;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.record.RecordServices;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A submission's rows as a reviewer reads them: what each row changes, field by field, against
 * the record as it is now (read through the record's own service, so scope, redaction and the
 * audit of the read are the API's), with the row's findings from the dry run.
 */
@ApplicationScoped
class ReviewRows {
    /** Rows shown on one review page; a larger submission is reviewed through the API or its XLSX. */
    static final int SHOWN = Page.MAX_LIMIT;

    /** A field's change; {@code label} is the template's column header of the field. */
    public record Change(String field, String label, String old, String now) {
    }

    public record Row(int position, RecordKind kind, String sheetName, String rowKey, String action, String sheet, Integer line, String level,
                      List<RowReport> findings, List<Change> changes, String reason, String reviewComment) {
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

    List<Row> of(java.util.UUID submission, ValidationReport report) {
        Params.Paging paging = new Params.Paging();
        paging.limit = String.valueOf(SHOWN);
        Map<String, List<RowReport>> findings = report == null ? Map.of() : report.findings().stream()
                .collect(Collectors.groupingBy(f -> f.kind() + ":" + f.rowKey(), LinkedHashMap::new, Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        for (ItemView item : quarterly.items(submission, paging).items()) {
            List<RowReport> own = findings.getOrDefault(item.kind() + ":" + item.rowKey(), List.of());
            String level = own.stream().map(RowReport::level).filter("ERROR"::equals).findAny()
                    .or(() -> own.stream().map(RowReport::level).filter("WARNING"::equals).findAny()).orElse("OK");
            JsonNode current = item.recordId() == null ? NullNode.instance : current(item.kind(), item.recordId());
            rows.add(new Row(item.position(), item.kind(), ItemColumns.SHEETS.get(item.kind()), item.rowKey(), item.action().name(), item.sheet(), item.line(), level,
                    own.stream().filter(f -> !f.level().equals("OK")).toList(), changes(item.kind(), current, item.data()), item.reason(), item.reviewComment()));
        }
        return rows;
    }

    private JsonNode current(RecordKind kind, java.util.UUID id) {
        RecordService<?, ?> records = services.of(kind);
        try {
            return json.valueToTree(records.get(id).data());
        } catch (vn.diaspora.registry.common.ProblemException gone) {
            return NullNode.instance;  // deleted or out of scope since: the row's findings say so
        }
    }

    /** The fields the row sets, each with the record's value now; for a new record every field it fills. */
    static List<Change> changes(RecordKind kind, JsonNode current, JsonNode row) {
        Map<String, String> before = flat(current);
        Map<String, String> after = flat(row);
        List<Change> changes = new ArrayList<>();
        for (String field : row == null || row.isNull() ? before.keySet() : new TreeSet<>(after.keySet())) {
            String old = before.getOrDefault(field, "");
            String now = row == null || row.isNull() ? "" : after.getOrDefault(field, "");
            if (!old.equals(now)) {
                changes.add(new Change(field, ItemColumns.label(kind, field), old, now));
            }
        }
        return changes;
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
