package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.record.RecordColumns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Text;
import vn.diaspora.registry.record.RecordColumns.Column;
import vn.diaspora.registry.record.RecordKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the cells of an uploaded file mean, whatever its format ({@link RowFile}): headers matched
 * to the template's columns (Vietnamese header or JSON name), cells read as the column's type
 * (labels as codes, Vietnamese dates, Excel serials, numbers typed as text, the clear marker),
 * and each line turned into an {@link UploadRow} for the consumer. Every problem is named by
 * sheet, line and column header; any problem refuses the whole file ({@link #finish}), and
 * reading stops at the {@value #MAX_ERRORS}th.
 */
final class RowParser {
    static final int MAX_ERRORS = 100;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
    /** Day 0 of Excel's date serial numbers (1900 system, after its 1900-02-29 bug). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** A sheet's kind, its columns (the row's own, then the kind's fields) and the file column of each (-1: absent). */
    record Sheet(String name, RecordKind kind, List<Column> columns, int[] fileColumn) {
    }

    private final Consumer<UploadRow> rows;
    private final List<FieldError> errors = new ArrayList<>();
    private long produced;

    private final CodeLists codes;

    RowParser(Consumer<UploadRow> rows, CodeLists codes) {
        this.rows = rows;
        this.codes = codes;
    }

    /** True once enough problems are known: the reader stops. */
    boolean full() {
        return errors.size() >= MAX_ERRORS;
    }

    void problem(String where, String message) {
        errors.add(new FieldError(where, message));
    }

    void problem(String where, ErrorCode code, String message) {
        errors.add(new FieldError(where, message, code));
    }

    /** Matches a sheet's header line to the kind's columns; unknown and missing required columns are problems. */
    Sheet sheet(String name, RecordKind kind, List<String> headers) {
        List<Column> all = new ArrayList<>(RecordColumns.ROW);
        all.addAll(RecordColumns.FIELDS.get(kind));
        int[] map = new int[all.size()];
        Arrays.fill(map, -1);
        for (int h = 0; h < headers.size(); h++) {
            String header = Text.clean(headers.get(h));
            if (header == null) {
                continue;
            }
            boolean known = false;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).header().equalsIgnoreCase(header) || all.get(i).path().equalsIgnoreCase(header)) {
                    map[i] = h;
                    known = true;
                }
            }
            if (!known) {
                problem(name + " column '" + header + "'", ErrorCode.UNKNOWN_COLUMN, "unknown column: use the template's headers");
            }
        }
        for (String required : List.of(RecordColumns.ROW_KEY, RecordColumns.ACTION)) {
            int i = all.indexOf(all.stream().filter(c -> c.header().equals(required)).findFirst().orElseThrow());
            if (map[i] < 0) {
                problem(name + " column '" + required + "'", ErrorCode.MISSING_COLUMN, "missing column");
            }
        }
        return new Sheet(name, kind, all, map);
    }

    /** One line of cells: an empty line is skipped; a line without problems becomes a row. */
    void line(Sheet sheet, long line, RowFile.Cells cells) {
        if (full()) {
            return;
        }
        List<Column> all = sheet.columns();
        String where = sheet.name() + " row " + line;
        Object[] values = new Object[all.size()];
        boolean empty = true;
        for (int i = 0; i < all.size(); i++) {
            Object value = sheet.fileColumn()[i] < 0 ? null : cells.get(sheet.fileColumn()[i]);
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
                problem(where + " '" + all.get(i).header() + "'", problem);
                values[i] = null;
            }
        }
        String rowKey = text(values[0]);
        String actionText = text(values[1]);
        SubmissionItem.Action action = actionText == null ? null : SubmissionItem.Action.ofCell(actionText);
        // The bounds of a row sent as JSON (QuarterlyViews.ItemInput) hold for a row of a file too.
        if (rowKey == null) {
            problem(where + " '" + RecordColumns.ROW_KEY + "'", "required");
        } else if (rowKey.length() > Limits.ROW_KEY) {
            problem(where + " '" + RecordColumns.ROW_KEY + "'", "at most " + Limits.ROW_KEY + " characters");
        }
        String reason = text(values[4]);
        if (reason != null && reason.length() > Limits.DELETE_REASON) {
            problem(where + " '" + RecordColumns.REASON + "'", "at most " + Limits.DELETE_REASON + " characters");
        }
        if (action == null) {
            problem(where + " '" + RecordColumns.ACTION + "'", "must be Thêm, Sửa or Xóa (CREATE, UPDATE, DELETE)");
        }
        UUID recordId = null;
        if (values[2] != null) {
            try {
                recordId = UUID.fromString(text(values[2]));
            } catch (IllegalArgumentException e) {
                problem(where + " '" + RecordColumns.RECORD_ID + "'", "not a record id");
            }
        }
        Integer baseVersion = null;
        if (values[3] != null) {
            try {
                baseVersion = new BigDecimal(text(values[3])).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                problem(where + " '" + RecordColumns.BASE_VERSION + "'", "not a whole number");
            }
        }
        ObjectNode data = NODES.objectNode();
        for (int i = RecordColumns.ROW.size(); i < all.size(); i++) {
            if (values[i] != null) {
                put(data, all.get(i).path(), node(all.get(i), values[i]));
            }
        }
        if (errors.size() == before) {
            produced++;
            rows.accept(new UploadRow(sheet.name(), line, sheet.kind(), rowKey, action, recordId, baseVersion,
                    data.isEmpty() ? null : data, reason));
        }
    }

    /** After the last line: the file's problems (422, nothing stored), or none when it held no row at all. */
    void finish() {
        if (produced == 0 && errors.isEmpty()) {
            problem("file", "the file has no data rows: fill the data sheets (the template's examples are on its instructions sheet)");
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemException.Reason.INVALID, "The file was not stored: " + (full() ? "at least " : "")
                    + errors.size() + (errors.size() == 1 ? " problem" : " problems"), errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
    }

    /** What an official types in a cell to clear the field in an UPDATE row (a blank cell leaves it as it is). */
    static final Set<String> CLEAR = Set.of("(xóa)", "(xoá)", "(xoa)", "(clear)");

    private JsonNode node(Column column, Object value) {
        if (value instanceof String s && CLEAR.contains(Text.clean(s).toLowerCase(Locale.ROOT))) {
            return NODES.nullNode();
        }
        return switch (column.type()) {
            case INTEGER, DECIMAL -> {
                // a number typed into a text-formatted cell arrives as text
                BigDecimal n = value instanceof BigDecimal d ? d : number(text(value));
                yield n != null ? NODES.numberNode(n.stripTrailingZeros()) : NODES.textNode(text(value));
            }
            case DATE -> NODES.textNode(value instanceof LocalDate d ? d.toString()
                    : value instanceof BigDecimal serial ? EXCEL_EPOCH.plusDays(serial.longValue()).toString() : isoDate(text(value)));
            case BOOLEAN -> value instanceof Boolean b ? NODES.booleanNode(b) : bool(text(value));
            case LIST -> {
                ArrayNode array = NODES.arrayNode();
                for (String part : parts(text(value))) {
                    array.add(coded(column, part));
                }
                yield array;
            }
            default -> NODES.textNode(coded(column, text(value)));
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
    private String coded(Column column, String text) {
        return column.codes() == null ? text : codes.code(column.codes(), text);
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

    private static JsonNode bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "có", "co", "x", "true", "1", "yes" -> NODES.booleanNode(true);
            case "không", "khong", "false", "0", "no" -> NODES.booleanNode(false);
            default -> NODES.textNode(text);
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
}
