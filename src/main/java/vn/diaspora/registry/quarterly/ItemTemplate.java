package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.record.RecordColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.ProtectionOption;
import org.dhatim.fastexcel.Range;
import org.dhatim.fastexcel.SheetProtectionOption;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.diaspora.registry.common.SpreadsheetText;
import vn.diaspora.registry.quarterly.CodeLists.Choice;
import vn.diaspora.registry.record.RecordColumns.Column;
import vn.diaspora.registry.record.RecordKind;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The upload templates. The XLSX workbook: an instructions sheet (Vietnamese) with an example
 * row of every kind; a data sheet per record kind with its headers only (locked, so they are not
 * typed over; the cells below are free), code columns formatted as text so Excel keeps leading
 * zeros, and coded columns offering their Vietnamese labels in a dropdown list; and the lists
 * themselves. The CSV of one kind: its headers only, with the BOM that makes Excel read UTF-8.
 * Nothing in a data sheet is an example, so the template uploaded as downloaded stores nothing.
 */
@ApplicationScoped
public class ItemTemplate {
    static final String INSTRUCTIONS = "Hướng dẫn";
    static final String LISTS = "Danh mục";
    /** Rows of a data sheet that carry the dropdown lists and the text format (the most a submission holds). */
    static final int DATA_ROWS = 100_000;

    static final List<String> GUIDE = List.of(
            "Mẫu báo cáo hằng quý về người Việt Nam ở nước ngoài — Sở Ngoại vụ",
            "",
            "1. Mỗi loại bản ghi có một trang: Người ở nước ngoài, Hội đoàn, Doanh nghiệp, Đóng góp. Điền từ dòng 2; không sửa dòng tiêu đề.",
            "2. Mã dòng: mã do đơn vị tự đặt, không trùng trong một trang (ví dụ LN-0001). Tải lên lại với cùng mã dòng sẽ thay dòng cũ.",
            "3. Thao tác: Thêm (bản ghi mới), Sửa hoặc Xóa (cần Mã bản ghi và Phiên bản gốc: dùng \"Tải danh sách để cập nhật\" trên trang Tra cứu hồ sơ, mẫu đã điền sẵn các hồ sơ của đơn vị).",
            "4. Khi Sửa: chỉ điền các ô cần thay đổi. Ô để trống giữ nguyên giá trị cũ; gõ (xóa) để xóa giá trị của trường đó.",
            "5. Các cột có mũi tên: chọn trong danh sách (trang Danh mục); cũng có thể gõ mã, ví dụ JP hoặc FEMALE.",
            "6. Nhiều giá trị trong một ô (Quốc tịch, Nhóm): ngăn cách bằng dấu chấm phẩy, ví dụ: VN; JP.",
            "7. Ngày: dd/mm/yyyy (12/04/1988) hoặc ô kiểu ngày của Excel. Không dùng công thức.",
            "8. Lưu dạng .xlsx (hoặc CSV UTF-8 cho một loại bản ghi) rồi tải lên; hệ thống kiểm tra và báo lỗi theo trang, dòng và cột.",
            "",
            "Ví dụ (chỉ để tham khảo — các dòng ví dụ ở trang này không được lưu):");

    /** A record the template comes filled in with, as an UPDATE row based on its version. */
    public record Prefilled(RecordKind kind, java.util.UUID id, int version, com.fasterxml.jackson.databind.JsonNode data) {
        /** The row key of a record's UPDATE row (its id makes it one per record and report). */
        public String rowKey() {
            return UPDATE_KEY + id;
        }
    }

    public static final String UPDATE_KEY = "SUA-";

    @Inject
    CodeLists codes;
    @Inject
    RowCells cells;

    public void xlsx(OutputStream out) throws IOException {
        xlsx(out, List.of());
    }

    /**
     * The workbook with a data row per record: "Sửa", the record's id and version (locked, so the
     * row stays based on what was downloaded) and its fields as the dropdowns write them. Uploaded
     * as it is, it changes nothing; each cell changed is a change of that field.
     */
    public void xlsx(OutputStream out, List<Prefilled> records) throws IOException {
        Workbook wb = new Workbook(out, "Diaspora Registry", "1.0");
        Worksheet guide = wb.newWorksheet(INSTRUCTIONS);
        Map<RecordKind, Worksheet> sheets = new HashMap<>();
        for (RecordKind kind : RecordKind.values()) {
            sheets.put(kind, wb.newWorksheet(RecordColumns.SHEETS.get(kind)));
        }
        Worksheet listSheet = wb.newWorksheet(LISTS);
        Map<String, Range> lists = lists(listSheet);
        int row = 0;
        for (String line : GUIDE) {
            text(guide, row++, 0, line);
        }
        guide.style(0, 0).bold().fontSize(14).set();
        guide.width(0, 30);
        for (RecordKind kind : RecordKind.values()) {
            row++;
            text(guide, row, 0, RecordColumns.SHEETS.get(kind));
            guide.style(row++, 0).bold().set();
            List<Column> columns = columns(kind);
            for (int c = 0; c < columns.size(); c++) {
                text(guide, row, c, columns.get(c).header());
                guide.style(row, c).bold().fillColor("DDEBF7").set();
                text(guide, row + 1, c, columns.get(c).example());
            }
            row += 2;
        }
        for (RecordKind kind : RecordKind.values()) {
            dataSheet(sheets.get(kind), columns(kind), lists);
            prefill(sheets.get(kind), columns(kind), records.stream().filter(r -> r.kind() == kind).toList());
        }
        wb.finish();
    }

    /** Headers (locked), then free cells: text format for codes, a dropdown list for coded columns. */
    private static void dataSheet(Worksheet ws, List<Column> columns, Map<String, Range> lists) {
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            text(ws, 0, c, column.header());
            ws.style(0, c).bold().fillColor("DDEBF7").protectionOption(ProtectionOption.LOCKED, true).set();
            var free = ws.style(c).protectionOption(ProtectionOption.LOCKED, false);
            boolean typed = column.type() == RecordColumns.Type.DATE || column.type() == RecordColumns.Type.INTEGER
                    || column.type() == RecordColumns.Type.DECIMAL;
            (typed ? free : free.format("@")).set();
            ws.width(c, Math.max(14, column.header().length() + 6));
            if (column.codes() != null && lists.containsKey(column.codes())) {
                ws.range(1, c, DATA_ROWS, c).validateWithList(lists.get(column.codes()))
                        .allowBlank(true).showDropdown(true)
                        // a list column takes several values ("VN; JP"), so a value off the list only warns
                        .errorStyle(column.type() == RecordColumns.Type.LIST ? DataValidationErrorStyle.INFORMATION : DataValidationErrorStyle.WARNING)
                        .showErrorMessage(true).errorTitle("Giá trị không có trong danh sách")
                        .error("Chọn trong danh sách, hoặc gõ mã (ví dụ JP).");
            }
        }
        ws.freezePane(0, 1);
        ws.protect("", SheetProtectionOption.DEFAULT_OPTIONS); // no password: it guards the headers from a slip, not from the official
    }

    private void prefill(Worksheet ws, List<Column> columns, List<Prefilled> records) {
        int r = 1;
        for (Prefilled record : records) {
            text(ws, r, 0, record.rowKey());
            text(ws, r, 1, CodeLists.label("action", SubmissionItem.Action.UPDATE.name()));
            text(ws, r, 2, record.id().toString());
            ws.value(r, 3, record.version());
            for (int c = 0; c < 4; c++) {
                ws.style(r, c).fillColor("EEEEEE").protectionOption(ProtectionOption.LOCKED, true).format(c == 3 ? "0" : "@").set();
            }
            for (int c = RecordColumns.ROW.size(); c < columns.size(); c++) {
                Column column = columns.get(c);
                String cell = cells.cell(column, column.textIn(record.data()));
                if (cell.isEmpty()) {
                    continue;
                }
                if ((column.type() == RecordColumns.Type.INTEGER || column.type() == RecordColumns.Type.DECIMAL) && cell.matches("-?\\d+(\\.\\d+)?")) {
                    ws.value(r, c, new java.math.BigDecimal(cell));
                } else {
                    // as it is, not neutralised: a string cell of a text-formatted column is never a formula, and a
                    // phone's "+81 …" must read back as the same value
                    ws.value(r, c, cell);
                }
            }
            r++;
        }
    }

    /** One column per code list on the lists sheet: what the dropdowns offer. */
    private Map<String, Range> lists(Worksheet ws) {
        Map<String, Range> ranges = new HashMap<>();
        int c = 0;
        for (Map.Entry<String, List<Choice>> list : codes.all().entrySet()) {
            boolean withCode = CodeLists.SHOWN_WITH_CODE.contains(list.getKey());
            text(ws, 0, c, list.getKey());
            ws.style(0, c).bold().set();
            List<Choice> choices = list.getValue();
            for (int r = 0; r < choices.size(); r++) {
                text(ws, r + 1, c, choices.get(r).shown(withCode));
            }
            ws.width(c, withCode ? 40 : 24);
            ranges.put(list.getKey(), ws.range(1, c, choices.size(), c));
            c++;
        }
        return ranges;
    }

    /** Every text cell of the templates is written here, neutralised (SpreadsheetText). */
    private static void text(Worksheet ws, int row, int column, String value) {
        ws.value(row, column, SpreadsheetText.neutralise(value));
    }

    void csv(RecordKind kind, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(columns(kind).stream().map(c -> quote(c.header())).collect(Collectors.joining(",")) + "\r\n");
        w.flush();
    }

    private static List<Column> columns(RecordKind kind) {
        List<Column> all = new ArrayList<>(RecordColumns.ROW);
        all.addAll(RecordColumns.FIELDS.get(kind));
        return all;
    }

    private static String quote(String value) {
        String s = SpreadsheetText.neutralise(value);
        return s.matches("[^,\";\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String fileName(RecordKind kind) {
        return "submission-" + kind.name().toLowerCase(Locale.ROOT) + ".csv";
    }
}
