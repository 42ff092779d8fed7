package vn.diaspora.registry.quarterly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.diaspora.registry.common.SpreadsheetText;
import vn.diaspora.registry.quarterly.ItemColumns.Column;
import vn.diaspora.registry.quarterly.SubmissionItem.Kind;
import vn.diaspora.registry.reference.AdminUnit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The upload templates: an XLSX workbook with a sheet per record kind (Vietnamese headers, an
 * example row, text-formatted code columns so Excel keeps leading zeros) and a sheet of
 * reference codes; or a CSV of one kind, with the BOM that makes Excel read it as UTF-8.
 */
@ApplicationScoped
class ItemTemplate {
    @Inject
    jakarta.persistence.EntityManager em;

    /** Every text cell of the templates is written here, neutralised (SpreadsheetText). */
    private static void text(Worksheet ws, int row, int column, String value) {
        ws.value(row, column, SpreadsheetText.neutralise(value));
    }

    void xlsx(OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Diaspora Registry", "1.0");
        for (Kind kind : Kind.values()) {
            Worksheet ws = wb.newWorksheet(ItemColumns.SHEETS.get(kind));
            List<Column> columns = columns(kind);
            for (int c = 0; c < columns.size(); c++) {
                text(ws, 0, c, columns.get(c).header());
                ws.style(0, c).bold().fillColor("DDEBF7").set();
                ws.style(c).format("@").set();
                text(ws, 1, c, columns.get(c).example());
                ws.width(c, Math.max(12, columns.get(c).header().length() + 4));
            }
        }
        Worksheet ref = wb.newWorksheet("Mã tham chiếu");
        String[] head = {"Loại mã", "Mã", "Tên", "Cấp", "Tỉnh", "Hiệu lực đến"};
        for (int c = 0; c < head.length; c++) {
            text(ref, 0, c, head[c]);
            ref.style(0, c).bold().set();
        }
        int r = 1;
        for (AdminUnit u : AdminUnit.<AdminUnit>list("territory IS NOT NULL AND level <> 'PROVINCE' ORDER BY territory, code")) {
            text(ref, r, 0, "Mã quê quán / đơn vị");
            text(ref, r, 1, u.code);
            text(ref, r, 2, u.fullName);
            text(ref, r, 3, u.level);
            text(ref, r, 4, u.territory);
            text(ref, r, 5, u.validTo == null ? "" : u.validTo.toString());
            r++;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> countries = em.createNativeQuery("SELECT code, name_vi FROM country ORDER BY code").getResultList();
        for (Object[] c : countries) {
            text(ref, r, 0, "Quốc gia");
            text(ref, r, 1, (String) c[0]);
            text(ref, r, 2, (String) c[1]);
            r++;
        }
        for (String[] e : enums()) {
            text(ref, r, 0, e[0]);
            text(ref, r, 1, e[1]);
            r++;
        }
        wb.finish();
    }

    void csv(Kind kind, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        List<Column> columns = columns(kind);
        w.write(columns.stream().map(c -> quote(c.header())).collect(Collectors.joining(",")) + "\r\n");
        w.write(columns.stream().map(c -> quote(c.example())).collect(Collectors.joining(",")) + "\r\n");
        w.flush();
    }

    private static List<Column> columns(Kind kind) {
        List<Column> all = new ArrayList<>(ItemColumns.ROW);
        all.addAll(ItemColumns.FIELDS.get(kind));
        return all;
    }

    private static List<String[]> enums() {
        List<String[]> values = new ArrayList<>();
        values.add(new String[]{ItemColumns.ACTION, "Thêm / Sửa / Xóa"});
        add(values, "Giới tính", vn.diaspora.registry.person.PersonData.Sex.values());
        add(values, "Tình trạng cư trú", vn.diaspora.registry.person.PersonData.ResidenceStatus.values());
        add(values, "Nhóm", vn.diaspora.registry.person.PersonData.Category.values());
        add(values, "Trạng thái", vn.diaspora.registry.person.PersonData.Status.values());
        add(values, "Loại hình hội", vn.diaspora.registry.association.AssociationData.Kind.values());
        add(values, "Loại đóng góp", vn.diaspora.registry.contribution.ContributionData.Kind.values());
        return values;
    }

    private static void add(List<String[]> values, String name, Enum<?>[] constants) {
        for (Enum<?> e : constants) {
            values.add(new String[]{name, e.name()});
        }
    }

    private static String quote(String value) {
        String s = SpreadsheetText.neutralise(value);
        return s.matches("[^,\";\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String fileName(Kind kind) {
        return "submission-" + kind.name().toLowerCase(Locale.ROOT) + ".csv";
    }
}
