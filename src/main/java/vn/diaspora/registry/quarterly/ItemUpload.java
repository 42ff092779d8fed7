package vn.diaspora.registry.quarterly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Text;
import vn.diaspora.registry.quarterly.ItemColumns.Column;
import vn.diaspora.registry.record.RecordKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads uploaded rows as Excel writes them, streaming (a 50,000-row file is never held whole):
 * XLSX with one sheet per record kind, or CSV (UTF-8, with or without BOM, comma or semicolon
 * separated) of one kind. Rows go to a consumer one by one; any bad row refuses the whole file,
 * with every problem named (sheet, row, column), up to {@link #MAX_ERRORS}.
 */
@ApplicationScoped
class ItemUpload {
    static final int MAX_ERRORS = 100;
    /** Lines of a sheet, empty ones included: Excel's own limit. */
    static final int MAX_SHEET_LINES = 1_048_576;
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
    /** Day 0 of Excel's date serial numbers (1900 system, after its 1900-02-29 bug). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Set<String> NON_DATA_SHEETS = Set.of(ItemTemplate.INSTRUCTIONS.toLowerCase(Locale.ROOT),
            ItemTemplate.LISTS.toLowerCase(Locale.ROOT), "mã tham chiếu");

    @Inject
    ObjectMapper json;

    /** A parsed row: where it came from and what it says. */
    record UploadRow(String sheet, long line, RecordKind kind, String rowKey, SubmissionItem.Action action, UUID recordId,
                     Integer baseVersion, ObjectNode data, String reason) {
    }

    /** Cell values of one row by column index: String, BigDecimal, LocalDate, Boolean or null. */
    private interface Cells {
        Object get(int column);
    }

    void readCsv(InputStream in, RecordKind kind, Consumer<UploadRow> rows) {
        List<FieldError> errors = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            reader.mark(1 << 16);
            String header = reader.readLine();
            if (header == null || header.isBlank()) {
                throw ProblemException.invalid("file", "the file is empty: expected a header row and data rows");
            }
            reader.reset();
            if (header.startsWith("\uFEFF")) {
                reader.skip(1);
            }
            char delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
            CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                String sheet = "CSV";
                int[] map = columns(sheet, kind, parser.getHeaderNames(), errors);
                long rowsRead = 0;
                for (CSVRecord record : parser) {
                    if (errors.size() >= MAX_ERRORS) {
                        break;
                    }
                    rowsRead++;
                    Cells cells = c -> c < record.size() && !record.get(c).isEmpty() ? record.get(c) : null;
                    row(sheet, record.getRecordNumber() + 1, kind, map, cells, errors, rows);
                }
                if (rowsRead == 0 && errors.isEmpty()) {
                    errors.add(new FieldError("file", "the file has a header but no data rows"));
                }
            }
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file", "the file is not UTF-8 text: in Excel, save it as 'CSV UTF-8'");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.invalid("file", "not a readable CSV file: " + e.getMessage());
        } catch (java.io.UncheckedIOException | IOException e) {
            if (e.getCause() instanceof CharacterCodingException || e instanceof CharacterCodingException) {
                throw ProblemException.invalid("file", "the file is not UTF-8 text: in Excel, save it as 'CSV UTF-8'");
            }
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        }
        finish(errors);
    }

    void readXlsx(InputStream in, Consumer<UploadRow> rows) {
        List<FieldError> errors = new ArrayList<>();
        int dataRows = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            for (Sheet sheet : (Iterable<Sheet>) workbook.getSheets()::iterator) {
                RecordKind kind = ItemColumns.kindOfSheet(sheet.getName());
                if (kind == null) {
                    if (!NON_DATA_SHEETS.contains(sheet.getName().strip().toLowerCase(Locale.ROOT))) {
                        errors.add(new FieldError(sheet.getName(), "unknown sheet: expected one of " + ItemColumns.SHEETS.values()));
                    }
                    continue;
                }
                try (Stream<Row> stream = sheet.openStream()) {
                    Iterator<Row> it = stream.iterator();
                    if (!it.hasNext()) {
                        continue;
                    }
                    Row headerRow = it.next();
                    List<String> headers = new ArrayList<>();
                    for (int c = 0; c < headerRow.getCellCount(); c++) {
                        headers.add(headerRow.getCellText(c));
                    }
                    int[] map = columns(sheet.getName(), kind, headers, errors);
                    while (it.hasNext()) {
                        Row r = it.next();
                        if (r.getRowNum() > MAX_SHEET_LINES) {
                            errors.add(new FieldError(sheet.getName(), "more than " + MAX_SHEET_LINES + " lines (Excel's own limit)"));
                            break;
                        }
                        dataRows++;
                        row(sheet.getName(), r.getRowNum(), kind, map, c -> value(sheet.getName(), r, c, errors), errors, rows);
                        if (errors.size() >= MAX_ERRORS) {
                            break;
                        }
                    }
                }
            }
        } catch (IOException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
            throw ProblemException.invalid("file", "not a readable XLSX workbook (save it from Excel as .xlsx)");
        }
        if (dataRows == 0 && errors.isEmpty()) {
            errors.add(new FieldError("file", "the workbook has no data rows"));
        }
        finish(errors);
    }

    private static void finish(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemException.Reason.INVALID, "The file was not stored: " + (errors.size() >= MAX_ERRORS ? "at least " : "")
                    + errors.size() + " problems", errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
    }

    private static Object value(String sheet, Row r, int c, List<FieldError> errors) {
        Cell cell = c < r.getCellCount() ? r.getCell(c) : null;
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        return switch (cell.getType()) {
            case FORMULA -> {
                errors.add(new FieldError(sheet + "!" + cell.getAddress(), "formulas are not accepted: type the value itself"));
                yield null;
            }
            case ERROR -> {
                errors.add(new FieldError(sheet + "!" + cell.getAddress(), "the cell holds an error (" + cell.getRawValue() + ")"));
                yield null;
            }
            case NUMBER -> isDateFormat(cell) ? cell.asDate().toLocalDate() : cell.asNumber();
            case BOOLEAN -> cell.asBoolean();
            default -> cell.asString();
        };
    }

    private static boolean isDateFormat(Cell cell) {
        String f = cell.getDataFormatString();
        Integer id = cell.getDataFormatId();
        return (f != null && f.toLowerCase(Locale.ROOT).matches(".*(d|m|y).*") && !f.contains("0"))
                || (id != null && (id >= 14 && id <= 22));
    }

    /** Column index of every header: the row's own columns, then the kind's fields (Vietnamese header or JSON name). */
    private static int[] columns(String sheet, RecordKind kind, List<String> headers, List<FieldError> errors) {
        List<Column> all = new ArrayList<>(ItemColumns.ROW);
        all.addAll(ItemColumns.FIELDS.get(kind));
        int[] map = new int[all.size()];
        java.util.Arrays.fill(map, -1);
        for (int h = 0; h < headers.size(); h++) {
            String name = Text.clean(headers.get(h));
            if (name == null) {
                continue;
            }
            boolean known = false;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).header().equalsIgnoreCase(name) || all.get(i).path().equalsIgnoreCase(name)) {
                    map[i] = h;
                    known = true;
                }
            }
            if (!known) {
                errors.add(new FieldError(sheet + " column '" + name + "'", "unknown column: use the template's headers"));
            }
        }
        for (String required : List.of(ItemColumns.ROW_KEY, ItemColumns.ACTION)) {
            int i = all.indexOf(all.stream().filter(c -> c.header().equals(required)).findFirst().orElseThrow());
            if (map[i] < 0) {
                errors.add(new FieldError(sheet + " column '" + required + "'", "missing column"));
            }
        }
        return map;
    }

    private void row(String sheet, long line, RecordKind kind, int[] map, Cells cells, List<FieldError> errors, Consumer<UploadRow> rows) {
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        List<Column> all = new ArrayList<>(ItemColumns.ROW);
        all.addAll(ItemColumns.FIELDS.get(kind));
        String where = sheet + " row " + line;
        Object[] values = new Object[all.size()];
        boolean empty = true;
        for (int i = 0; i < all.size(); i++) {
            Object value = map[i] < 0 ? null : cells.get(map[i]);
            // a cell of empty, blank or invisible text (Excel keeps them after a value is deleted) is an empty cell
            values[i] = value instanceof String text && Text.clean(text) == null ? null : value;
            empty &= values[i] == null;
        }
        if (empty) {
            return;
        }
        int before = errors.size();
        for (int i = 0; i < all.size(); i++) {
            String problem = values[i] instanceof String cell ? Text.problem(cell) : null;
            if (problem != null) {
                errors.add(new FieldError(where + " '" + all.get(i).header() + "'", problem));
                values[i] = null;
            }
        }
        String rowKey = text(values[0]);
        String actionText = text(values[1]);
        SubmissionItem.Action action = actionText == null ? null : ItemColumns.action(actionText);
        // The bounds of a row sent as JSON (QuarterlyViews.ItemInput) hold for a row of a file too.
        if (rowKey == null) {
            errors.add(new FieldError(where + " '" + ItemColumns.ROW_KEY + "'", "required"));
        } else if (rowKey.length() > Limits.ROW_KEY) {
            errors.add(new FieldError(where + " '" + ItemColumns.ROW_KEY + "'", "at most " + Limits.ROW_KEY + " characters"));
        }
        String reason = text(values[4]);
        if (reason != null && reason.length() > Limits.DELETE_REASON) {
            errors.add(new FieldError(where + " '" + ItemColumns.REASON + "'", "at most " + Limits.DELETE_REASON + " characters"));
        }
        if (action == null) {
            errors.add(new FieldError(where + " '" + ItemColumns.ACTION + "'", "must be Thêm, Sửa or Xóa (CREATE, UPDATE, DELETE)"));
        }
        UUID recordId = null;
        if (values[2] != null) {
            try {
                recordId = UUID.fromString(text(values[2]));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(where + " '" + ItemColumns.RECORD_ID + "'", "not a record id"));
            }
        }
        Integer baseVersion = null;
        if (values[3] != null) {
            try {
                baseVersion = new BigDecimal(text(values[3])).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                errors.add(new FieldError(where + " '" + ItemColumns.BASE_VERSION + "'", "not a whole number"));
            }
        }
        ObjectNode data = json.createObjectNode();
        for (int i = ItemColumns.ROW.size(); i < all.size(); i++) {
            if (values[i] != null) {
                put(data, all.get(i).path(), node(all.get(i), values[i]));
            }
        }
        if (errors.size() == before) {
            rows.accept(new UploadRow(sheet, line, kind, rowKey, action, recordId, baseVersion,
                    data.isEmpty() ? null : data, reason));
        }
    }

    /** What an official types in a cell to clear the field in an UPDATE row (a blank cell leaves it as it is). */
    static final Set<String> CLEAR = Set.of("(xóa)", "(xoá)", "(xoa)", "(clear)");

    private JsonNode node(Column column, Object value) {
        if (value instanceof String s && CLEAR.contains(Text.clean(s).toLowerCase(Locale.ROOT))) {
            return json.getNodeFactory().nullNode();
        }
        return switch (column.type()) {
            case INTEGER, DECIMAL -> {
                // a number typed into a text-formatted cell arrives as text
                BigDecimal n = value instanceof BigDecimal d ? d : number(text(value));
                yield n != null ? json.getNodeFactory().numberNode(n.stripTrailingZeros()) : json.getNodeFactory().textNode(text(value));
            }
            case DATE -> json.getNodeFactory().textNode(value instanceof LocalDate d ? d.toString()
                    : value instanceof BigDecimal serial ? EXCEL_EPOCH.plusDays(serial.longValue()).toString() : isoDate(text(value)));
            case BOOLEAN -> value instanceof Boolean b ? json.getNodeFactory().booleanNode(b) : bool(text(value));
            case LIST -> {
                ArrayNode array = json.createArrayNode();
                for (String part : parts(text(value))) {
                    array.add(coded(column, part));
                }
                yield array;
            }
            default -> json.getNodeFactory().textNode(coded(column, text(value)));
        };
    }

    /** The number a text cell spells, when it is an ordinary one (not "1e999999999", which PostgreSQL could not store). */
    private static BigDecimal number(String text) {
        try {
            BigDecimal n = new BigDecimal(text.replace(" ", ""));
            return n.precision() <= 30 && Math.abs(n.scale()) <= 30 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A coded column's cell as its code (a label or "label (CODE)" as picked from the dropdown list). */
    private static String coded(Column column, String text) {
        return column.codes() == null ? text : CodeLists.code(column.codes(), text);
    }

    /** The values of a list cell: separated by ";" (or by "," where a value is not "label (CODE)" with a comma of its own). */
    static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split(";")) {
            for (String value : part.strip().endsWith(")") ? List.of(part) : List.of(part.split(","))) {
                if (!value.isBlank()) {
                    parts.add(value.strip());
                }
            }
        }
        return parts;
    }

    private JsonNode bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "có", "co", "x", "true", "1", "yes" -> json.getNodeFactory().booleanNode(true);
            case "không", "khong", "false", "0", "no" -> json.getNodeFactory().booleanNode(false);
            default -> json.getNodeFactory().textNode(text);
        };
    }

    /** Dates as Vietnamese officers type them (12/04/1988) or ISO. */
    private static String isoDate(String text) {
        try {
            return LocalDate.parse(text, VIETNAMESE_DATE).toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static void put(ObjectNode data, String path, JsonNode value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            data.set(path, value);
        } else {
            JsonNode child = data.get(path.substring(0, dot));
            ObjectNode object = child instanceof ObjectNode o ? o : data.putObject(path.substring(0, dot));
            object.set(path.substring(dot + 1), value);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString() : value.toString();
        return Text.clean(s);
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }

}
