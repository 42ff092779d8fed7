package vn.diaspora.registry.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.SpreadsheetText;
import vn.diaspora.registry.common.Where;
import vn.diaspora.registry.record.RecordColumns;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.record.RecordView;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A record list as a file, streamed as it is read (a page of records at a time: memory stays flat
 * for a million): CSV and XLSX with the template's Vietnamese headers, every text cell neutralised
 * so that a spreadsheet never runs it as a formula; NDJSON with the API's field names, a record a line.
 */
@ApplicationScoped
public class RecordExport {
    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String NDJSON = "application/x-ndjson";
    public static final String FORMAT = "csv (default), xlsx or ndjson";
    public static final String DESCRIPTION = "Every record of the list with the same filters (q included), in your scope and as you may "
            + "see them (api-reader: no contact fields), streamed: csv and xlsx with the template's Vietnamese headers and cells that "
            + "never start a formula, ndjson with the API's field names. Audited as one EXPORT event.";

    enum Format { CSV, XLSX, NDJSON }

    @Inject
    ObjectMapper json;

    public Response response(RecordService<?, ?> records, String q, Where filters, String format) {
        Format f = format == null || format.isBlank() ? Format.CSV : Params.enumValue("format", format, Format.class);
        RecordKind kind = records.kind();
        StreamingOutput body = out -> {
            switch (f) {
                case CSV -> csv(records, q, filters, kind, out);
                case XLSX -> xlsx(records, q, filters, kind, out);
                case NDJSON -> ndjson(records, q, filters, out);
            }
        };
        String type = switch (f) {
            case CSV -> CSV;
            case XLSX -> SpreadsheetText.XLSX;
            case NDJSON -> NDJSON;
        };
        return Response.ok(body, type).header("Content-Disposition",
                "attachment; filename=\"" + kind.collection() + "." + f.name().toLowerCase(java.util.Locale.ROOT) + "\"").build();
    }

    /** The headers: the record's id and version, then the template's columns of the kind. */
    static List<String> headers(RecordKind kind) {
        List<String> headers = new ArrayList<>(List.of("Mã bản ghi", "Phiên bản"));
        RecordColumns.FIELDS.get(kind).forEach(c -> headers.add(c.header()));
        return headers;
    }

    private List<String> cells(RecordKind kind, RecordView<?> view) {
        JsonNode data = json.valueToTree(view.data());
        List<String> cells = new ArrayList<>(List.of(view.id().toString(), String.valueOf(view.version())));
        for (RecordColumns.Column c : RecordColumns.FIELDS.get(kind)) {
            cells.add(SpreadsheetText.neutralise(c.textIn(data)));
        }
        return cells;
    }

    private void csv(RecordService<?, ?> records, String q, Where filters, RecordKind kind, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\ufeff');  // Excel reads UTF-8 only with a BOM
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(';').build());
        csv.printRecord(headers(kind));
        records.export(q, filters, page -> {
            try {
                for (RecordView<?> view : page) {
                    csv.printRecord(cells(kind, view));
                }
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private void xlsx(RecordService<?, ?> records, String q, Where filters, RecordKind kind, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Diaspora Registry", "1.0");
        Worksheet ws = wb.newWorksheet(RecordColumns.SHEETS.get(kind));
        List<String> headers = headers(kind);
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
            ws.style(0, c).bold().set();
        }
        int[] row = {1};
        records.export(q, filters, page -> {
            for (RecordView<?> view : page) {
                List<String> cells = cells(kind, view);
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        ws.inlineString(row[0], c, cells.get(c));  // inline, not the shared-strings table, which stays in memory to the end
                    }
                }
                row[0]++;
            }
            try {
                ws.flush();  // the page's rows leave for the client: memory stays flat
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        wb.finish();
    }

    private void ndjson(RecordService<?, ?> records, String q, Where filters, OutputStream out) throws IOException {
        records.export(q, filters, page -> {
            try {
                for (RecordView<?> view : page) {
                    out.write(json.writeValueAsBytes(view));
                    out.write('\n');
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
