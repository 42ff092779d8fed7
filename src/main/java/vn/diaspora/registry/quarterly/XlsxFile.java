package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.record.RecordColumns;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Text;
import vn.diaspora.registry.record.RecordKind;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** An XLSX workbook as Excel or LibreOffice saves the template: one sheet per record kind, streamed row by row. */
record XlsxFile(InputStream in) implements RowFile {
    /** Lines of a sheet, empty ones included: Excel's own limit. */
    static final int MAX_SHEET_LINES = 1_048_576;
    private static final Set<String> NON_DATA_SHEETS = Set.of(Text.fold(ItemTemplate.INSTRUCTIONS), Text.fold(ItemTemplate.LISTS),
            Text.fold("Mã tham chiếu"));

    @Override
    public void read(RowParser rows) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            for (Sheet sheet : (Iterable<Sheet>) workbook.getSheets()::iterator) {
                RecordKind kind = RecordColumns.kindOfSheet(sheet.getName());
                if (kind == null) {
                    // an official's own sheet (notes, a copy of last year's list) is left alone while it is empty;
                    // one with data may be a data sheet renamed, and its rows must not be lost unseen
                    if (!NON_DATA_SHEETS.contains(Text.fold(sheet.getName())) && hasData(sheet)) {
                        rows.problem(sheet.getName(), ErrorCode.UNKNOWN_SHEET, "unknown sheet with data: name it as one of "
                                + String.join(", ", java.util.Arrays.stream(vn.diaspora.registry.record.RecordKind.values())
                                        .map(RecordColumns.SHEETS::get).toList()) + " (the template's order), or empty it");
                    }
                    continue;
                }
                read(sheet, kind, rows);
            }
        } catch (IOException | ExcelReaderException e) {
            throw RowFile.refused("not a readable XLSX workbook (save it from Excel as .xlsx)", ErrorCode.NOT_A_SPREADSHEET);
        }
        rows.finish();
    }

    private static void read(Sheet sheet, RecordKind kind, RowParser rows) throws IOException {
        String name = sheet.getName();
        try (Stream<Row> stream = sheet.openStream()) {
            Iterator<Row> it = stream.iterator();
            if (!it.hasNext()) {
                return;
            }
            Row headerRow = it.next();
            List<String> headers = new ArrayList<>();
            for (int c = 0; c < headerRow.getCellCount(); c++) {
                headers.add(headerRow.getCellText(c));
            }
            RowParser.Sheet columns = rows.sheet(name, kind, headers);
            while (it.hasNext() && !rows.full()) {
                Row r = it.next();
                if (r.getRowNum() > MAX_SHEET_LINES) {
                    rows.problem(name, "more than " + MAX_SHEET_LINES + " lines (Excel's own limit)");
                    return;
                }
                rows.line(columns, r.getRowNum(), c -> value(name, r, c, rows));
            }
        }
    }

    private static boolean hasData(Sheet sheet) throws IOException {
        try (Stream<Row> stream = sheet.openStream()) {
            return stream.anyMatch(r -> r.stream().anyMatch(c -> c != null && c.getType() != CellType.EMPTY
                    && Text.clean(c.getText()) != null));
        }
    }

    private static Object value(String sheet, Row r, int c, RowParser rows) {
        Cell cell = c < r.getCellCount() ? r.getCell(c) : null;
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return null;
        }
        return switch (cell.getType()) {
            case FORMULA -> {
                rows.problem(sheet + "!" + cell.getAddress(), "formulas are not accepted: type the value itself");
                yield null;
            }
            case ERROR -> {
                rows.problem(sheet + "!" + cell.getAddress(), "the cell holds an error (" + cell.getRawValue() + ")");
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
}
