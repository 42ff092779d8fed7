package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.record.RecordColumns;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemView;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row as the template's cells: what an officer edits on the portal's row page, sent back as a
 * one-line CSV of the template's columns, so that it is read, checked and stored by the same rules
 * as a file (RowParser, RowStore): a mended row replaces the row with its key.
 */
@ApplicationScoped
public class RowCells {
    @jakarta.inject.Inject
    CodeLists codes;

    /**
     * The row's cells under the template's headers, in the template's order: the row's own
     * columns, then its kind's; each as the template's dropdown shows it ("Nhật Bản (JP)", "Nữ",
     * 12/04/1988), which reads back as the same value.
     */
    public Map<String, String> of(ItemView row) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(RecordColumns.ROW_KEY, row.rowKey());
        cells.put(RecordColumns.ACTION, CodeLists.label("action", row.action().name()));
        cells.put(RecordColumns.RECORD_ID, row.recordId() == null ? "" : row.recordId().toString());
        cells.put(RecordColumns.BASE_VERSION, row.baseVersion() == null ? "" : row.baseVersion().toString());
        cells.put(RecordColumns.REASON, row.reason() == null ? "" : row.reason());
        for (RecordColumns.Column c : RecordColumns.FIELDS.get(row.kind())) {
            cells.put(c.header(), cell(c, c.textIn(row.data())));
        }
        return cells;
    }

    /** A value of a column as a cell of the template: a code as its dropdown choice, a date as dd/MM/yyyy. */
    public String cell(RecordColumns.Column c, String text) {
        if (text.isEmpty()) {
            return text;
        }
        if (c.codes() != null) {
            return java.util.Arrays.stream(text.split("; ")).map(v -> codes.shown(c.codes(), v)).collect(java.util.stream.Collectors.joining("; "));
        }
        return c.type() == RecordColumns.Type.DATE ? day(text) : text;
    }

    /** An ISO date (1988-04-12) as the template writes it (12/04/1988); other text as it is. */
    public static String day(String text) {
        return text.matches("\\d{4}-\\d{2}-\\d{2}") ? text.substring(8) + "/" + text.substring(5, 7) + "/" + text.substring(0, 4) : text;
    }

    /** A cell of a column as the record stores it: dropdown choices as their codes, a dd/MM/yyyy date as ISO. */
    public String value(RecordColumns.Column c, String cell) {
        if (c.codes() != null) {
            return java.util.Arrays.stream(cell.split(";")).map(String::strip).filter(v -> !v.isEmpty())
                    .map(v -> codes.code(c.codes(), v)).collect(java.util.stream.Collectors.joining("; "));
        }
        java.util.regex.Matcher date = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})").matcher(cell);
        if (c.type() == RecordColumns.Type.DATE && date.matches()) {
            return String.format("%s-%02d-%02d", date.group(3), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(1)));
        }
        return cell;
    }

    /** The dropdown choices of each coded column of a kind, by the column's header. */
    public Map<String, List<String>> choices(vn.diaspora.registry.record.RecordKind kind) {
        return choices(kind, RecordColumns.Column::header);
    }

    /** The dropdown choices of each coded column of a kind, by the field's path. */
    public Map<String, List<String>> choicesByPath(vn.diaspora.registry.record.RecordKind kind) {
        return choices(kind, RecordColumns.Column::path);
    }

    private Map<String, List<String>> choices(vn.diaspora.registry.record.RecordKind kind, java.util.function.Function<RecordColumns.Column, String> key) {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (RecordColumns.Column c : java.util.stream.Stream.concat(RecordColumns.ROW.stream(), RecordColumns.FIELDS.get(kind).stream()).toList()) {
            if (c.codes() != null) {
                choices.put(key.apply(c), codes.choices(c.codes()));
            }
        }
        return choices;
    }

    /** The headers of a kind's row, in order. */
    public List<String> headers(vn.diaspora.registry.record.RecordKind kind) {
        List<String> headers = new ArrayList<>(RecordColumns.ROW.stream().map(RecordColumns.Column::header).toList());
        RecordColumns.FIELDS.get(kind).forEach(c -> headers.add(c.header()));
        return headers;
    }

    /** The cells as a CSV file of one row (UTF-8, semicolons, as the template's CSV). */
    public InputStream csv(Map<String, String> cells) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').build())) {
            csv.printRecord(cells.keySet());
            csv.printRecord(cells.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
