package vn.diaspora.registry.report;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.diaspora.registry.common.Clocks;
import vn.diaspora.registry.common.SpreadsheetText;
import vn.diaspora.registry.report.StatisticsService.Row;
import vn.diaspora.registry.report.YearlyReportService.IndicatorFigures;
import vn.diaspora.registry.report.YearlyReportService.QuarterCompleteness;
import vn.diaspora.registry.report.YearlyReportService.YearlyReport;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The yearly report as the Ministry reads it: one sheet, Vietnamese headings, an indicator after another, then completeness. */
public final class YearlyReportXlsx {
    private static final Map<String, String> HEADINGS = Map.of("count", "Số lượng cuối năm", "added", "Tăng trong năm",
            "updated", "Cập nhật trong năm", "removed", "Giảm trong năm", "amount", "Tổng giá trị");
    private static final List<String> COMPLETENESS = List.of("Quý", "Hạn nộp", "Số đơn vị phải báo cáo", "Đã báo cáo", "Đã duyệt",
            "Đúng hạn", "Tỷ lệ báo cáo", "Tỷ lệ đúng hạn");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(Clocks.VIETNAM);

    private YearlyReportXlsx() {
    }

    /** The workbook as a download (written as it streams out; the figures are already read). */
    public static jakarta.ws.rs.core.Response download(YearlyReport report) {
        jakarta.ws.rs.core.StreamingOutput out = o -> write(report, o);
        return jakarta.ws.rs.core.Response.ok(out, SpreadsheetText.XLSX).header("Content-Disposition",
                "attachment; filename=\"bao-cao-nam-" + report.year() + "-tinh-" + report.province() + ".xlsx\"").build();
    }

    static void write(YearlyReport report, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Diaspora Registry", "1.0");
        Worksheet ws = wb.newWorksheet("Báo cáo năm " + report.year());
        ws.width(0, 14);
        ws.width(1, 48);
        for (int c = 2; c < 8; c++) {
            ws.width(c, 18);
        }
        ws.value(0, 0, "Báo cáo năm " + report.year() + " về người Việt Nam ở nước ngoài — tỉnh (mã) " + report.province());
        ws.style(0, 0).bold().fontSize(14).set();
        ws.value(1, 0, "Số liệu tính đến " + SHOWN.format(report.asKnownAt()) + " (giờ Việt Nam); cùng thời điểm này luôn cho cùng số liệu.");
        int row = 3;
        for (IndicatorFigures i : report.indicators()) {
            ws.value(row, 0, i.code() + ". " + i.title().vi());
            ws.style(row++, 0).bold().set();
            List<String> heads = new java.util.ArrayList<>(List.of("Mã", "Tên"));
            i.columns().forEach(c -> heads.add(HEADINGS.get(c)));
            row = heading(ws, row, heads);
            for (Row r : i.rows()) {
                ws.value(row, 0, SpreadsheetText.neutralise(r.key()));
                ws.value(row, 1, SpreadsheetText.neutralise(r.label()));
                int c = 2;
                for (String column : i.columns()) {
                    number(ws, row, c++, value(r, column));
                }
                row++;
            }
            if (i.rows().isEmpty()) {
                ws.value(row++, 1, "(không có)");
            }
            row++;
        }
        ws.value(row, 0, "Tình hình báo cáo theo quý");
        ws.style(row++, 0).bold().set();
        row = heading(ws, row, COMPLETENESS);
        for (QuarterCompleteness q : report.completeness()) {
            ws.value(row, 0, q.period());
            ws.value(row, 1, q.deadline().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            number(ws, row, 2, q.expectedUnits());
            number(ws, row, 3, q.reported());
            number(ws, row, 4, q.accepted());
            number(ws, row, 5, q.onTime());
            percent(ws, row, 6, q.reportedRate());
            percent(ws, row, 7, q.onTimeRate());
            row++;
        }
        wb.finish();
    }

    private static int heading(Worksheet ws, int row, List<String> heads) {
        for (int c = 0; c < heads.size(); c++) {
            ws.value(row, c, heads.get(c));
            ws.style(row, c).bold().fillColor("DDEBF7").wrapText(true).set();
        }
        return row + 1;
    }

    private static Number value(Row r, String column) {
        return switch (column) {
            case "count" -> r.count();
            case "added" -> r.added();
            case "updated" -> r.updated();
            case "removed" -> r.removed();
            default -> r.amount();
        };
    }

    private static void number(Worksheet ws, int row, int column, Number value) {
        if (value != null) {
            ws.value(row, column, value);
        }
    }

    private static void percent(Worksheet ws, int row, int column, BigDecimal rate) {
        if (rate != null) {
            ws.value(row, column, rate);
            ws.style(row, column).format("0.0%").set();
        }
    }
}
