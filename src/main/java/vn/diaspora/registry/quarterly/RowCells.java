package vn.diaspora.registry.quarterly;

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
    /** The row's cells under the template's headers, in the template's order: the row's own columns, then its kind's. */
    public Map<String, String> of(ItemView row) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(ItemColumns.ROW_KEY, row.rowKey());
        cells.put(ItemColumns.ACTION, CodeLists.label("action", row.action().name()));
        cells.put(ItemColumns.RECORD_ID, row.recordId() == null ? "" : row.recordId().toString());
        cells.put(ItemColumns.BASE_VERSION, row.baseVersion() == null ? "" : row.baseVersion().toString());
        cells.put(ItemColumns.REASON, row.reason() == null ? "" : row.reason());
        for (ItemColumns.Column c : ItemColumns.FIELDS.get(row.kind())) {
            cells.put(c.header(), c.textIn(row.data()));
        }
        return cells;
    }

    /** The headers of a kind's row, in order. */
    public List<String> headers(vn.diaspora.registry.record.RecordKind kind) {
        List<String> headers = new ArrayList<>(ItemColumns.ROW.stream().map(ItemColumns.Column::header).toList());
        ItemColumns.FIELDS.get(kind).forEach(c -> headers.add(c.header()));
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
