package vn.diaspora.registry.portal;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.diaspora.registry.common.SpreadsheetText;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemView;
import vn.diaspora.registry.quarterly.QuarterlyViews.RowReport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A report's findings and the Department's row comments as a workbook, one line per finding or
 * comment, so an official can mend the file with it open beside: where (sheet, line, row key,
 * column), what the dry run found, and what the Department wrote about the row.
 */
final class FindingsXlsx {
    static final List<String> HEADERS = List.of("Trang tính", "Dòng", "Mã dòng", "Cột", "Mức", "Kết quả kiểm tra", "Ý kiến của Sở");

    private FindingsXlsx() {
    }

    /** Lines of the workbook: more findings than a report's rows would be an odd file to mend by (100,000 rows at most). */
    static final int MAX_LINES = 100_000;

    static void write(List<RowReport> problems, List<ItemView> commented, OutputStream out) throws IOException {
        Map<Integer, ItemView> comments = commented.stream().collect(Collectors.toMap(ItemView::position, Function.identity()));
        List<List<Object>> lines = new ArrayList<>();
        List<RowReport> findings = problems;
        for (RowReport f : findings) {
            ItemView c = comments.get(f.row());
            lines.add(line(f.row(), f.sheet(), f.line(), f.rowKey(), f.column(), level(f.level()), f.messageVi(), c == null ? null : c.reviewComment()));
        }
        java.util.Set<Integer> withFinding = findings.stream().map(RowReport::row).collect(Collectors.toSet());
        commented.stream().filter(c -> !withFinding.contains(c.position()))
                .forEach(c -> lines.add(line(c.position(), c.sheet(), c.line(), c.rowKey(), null, null, null, c.reviewComment())));
        lines.sort(Comparator.comparing(l -> (Integer) l.get(0)));

        Workbook wb = new Workbook(out, "Diaspora Registry", "1.0");
        Worksheet ws = wb.newWorksheet("Kết quả kiểm tra");
        int[] widths = {22, 8, 16, 24, 10, 60, 60};
        for (int c = 0; c < HEADERS.size(); c++) {
            ws.width(c, widths[c]);
            ws.value(0, c, HEADERS.get(c));
        }
        ws.range(0, 0, 0, HEADERS.size() - 1).style().bold().fillColor("EEF3F9").set();
        ws.freezePane(0, 1);
        int r = 1;
        for (List<Object> l : lines) {
            for (int c = 1; c < l.size(); c++) {
                Object v = l.get(c);
                if (v instanceof Integer n) {
                    ws.value(r, c - 1, n);
                } else if (v != null) {
                    ws.value(r, c - 1, SpreadsheetText.neutralise(v.toString()));
                }
            }
            r++;
        }
        wb.finish();
    }

    private static List<Object> line(int position, String sheet, Integer line, String rowKey, String column, String level, String finding, String comment) {
        return java.util.Arrays.asList(position, sheet, line, rowKey, column, level, finding, comment);
    }

    private static String level(String level) {
        return level.equals("ERROR") ? "Lỗi" : "Cảnh báo";
    }
}
