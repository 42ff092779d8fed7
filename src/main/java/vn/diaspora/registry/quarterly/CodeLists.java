package vn.diaspora.registry.quarterly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.diaspora.registry.reference.AdminUnit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coded columns of the template and their Vietnamese labels: what the dropdown lists offer,
 * and how a cell is read back. A cell may hold the code ({@code FEMALE}, {@code JP}), the label
 * ({@code Nữ}) or the label with the code as the list writes it ({@code Nhật Bản (JP)}).
 */
@ApplicationScoped
class CodeLists {
    /** A code and the label an official picks. */
    record Choice(String code, String label) {
        /** As the dropdown shows it: the label, with the code when the label alone may be ambiguous. */
        String shown(boolean withCode) {
            return withCode ? label + " (" + code + ")" : label;
        }
    }

    static final Map<String, List<Choice>> FIXED = new LinkedHashMap<>();

    static {
        FIXED.put("action", List.of(new Choice("CREATE", "Thêm"), new Choice("UPDATE", "Sửa"), new Choice("DELETE", "Xóa")));
        FIXED.put("sex", List.of(new Choice("MALE", "Nam"), new Choice("FEMALE", "Nữ"), new Choice("OTHER", "Khác"),
                new Choice("UNKNOWN", "Không rõ")));
        FIXED.put("residenceStatus", List.of(new Choice("CITIZEN", "Có quốc tịch nước sở tại"), new Choice("PERMANENT_RESIDENT", "Thường trú"),
                new Choice("TEMPORARY_RESIDENT", "Tạm trú"), new Choice("STUDENT", "Du học sinh"), new Choice("WORKER", "Lao động"),
                new Choice("UNKNOWN", "Không rõ")));
        FIXED.put("category", List.of(new Choice("EXPERT", "Chuyên gia"), new Choice("INTELLECTUAL", "Trí thức"),
                new Choice("ENTREPRENEUR", "Doanh nhân"), new Choice("STUDENT", "Sinh viên"), new Choice("WORKER", "Người lao động"),
                new Choice("ATHLETE", "Vận động viên"), new Choice("ARTIST", "Văn nghệ sĩ"),
                new Choice("ASSOCIATION_LEADER", "Lãnh đạo hội đoàn"), new Choice("RESPECTED_INDIVIDUAL", "Người có uy tín"),
                new Choice("OTHER", "Khác")));
        FIXED.put("status", List.of(new Choice("ACTIVE", "Đang ở nước ngoài"), new Choice("RETURNED", "Đã về nước"),
                new Choice("DECEASED", "Đã mất"), new Choice("LOST_CONTACT", "Mất liên lạc")));
        FIXED.put("associationKind", List.of(new Choice("HOMETOWN", "Hội đồng hương"), new Choice("BUSINESS", "Hội doanh nhân"),
                new Choice("PROFESSIONAL", "Hội nghề nghiệp, trí thức"), new Choice("STUDENT", "Hội sinh viên"), new Choice("OTHER", "Khác")));
        FIXED.put("contributionKind", List.of(new Choice("INVESTMENT", "Đầu tư"), new Choice("CHARITY", "Từ thiện, nhân đạo"),
                new Choice("KNOWLEDGE_TRANSFER", "Chuyển giao tri thức"), new Choice("TRADE_PROMOTION", "Xúc tiến thương mại"),
                new Choice("REMITTANCE", "Kiều hối"), new Choice("OTHER", "Khác")));
    }

    /** Lists whose labels repeat (two communes may share a name), so the dropdown shows the code too. */
    static final List<String> SHOWN_WITH_CODE = List.of("country", "hometown");
    private static final Pattern TRAILING_CODE = Pattern.compile(".*\\(([A-Z0-9_]{2,20})\\)\\s*$");

    @Inject
    EntityManager em;

    /** Every list, in the template's order. */
    Map<String, List<Choice>> all() {
        Map<String, List<Choice>> lists = new LinkedHashMap<>(FIXED);
        @SuppressWarnings("unchecked")
        List<Object[]> countries = em.createNativeQuery("SELECT code, name_vi FROM country ORDER BY name_vi").getResultList();
        lists.put("country", countries.stream().map(c -> new Choice((String) c[0], (String) c[1])).toList());
        List<Choice> units = new ArrayList<>();
        for (AdminUnit u : AdminUnit.<AdminUnit>list("territory IS NOT NULL AND level <> 'PROVINCE' ORDER BY territory, code")) {
            units.add(new Choice(u.code, u.fullName + (u.validTo == null ? "" : " (đến " + u.validTo + ")")));
        }
        lists.put("hometown", units);
        return lists;
    }

    /** The code a cell of a coded column means: its code, its label, or "label (CODE)"; else the text as it is. */
    static String code(String list, String text) {
        Matcher m = TRAILING_CODE.matcher(text);
        if (m.matches()) {
            return m.group(1);
        }
        for (Choice c : FIXED.getOrDefault(list, List.of())) {
            if (c.code().equalsIgnoreCase(text) || c.label().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
                return c.code();
            }
        }
        return list.equals("country") ? text.toUpperCase(Locale.ROOT) : text;
    }
}
