package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.record.RecordColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.diaspora.registry.association.AssociationData;
import vn.diaspora.registry.common.Text;
import vn.diaspora.registry.contribution.ContributionData;
import vn.diaspora.registry.person.PersonData.Category;
import vn.diaspora.registry.person.PersonData.ResidenceStatus;
import vn.diaspora.registry.person.PersonData.Sex;
import vn.diaspora.registry.person.PersonData.Status;
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
public class CodeLists {
    /** A code and the label an official picks. */
    record Choice(String code, String label) {
        /** As the dropdown shows it: the label, with the code when the label alone may be ambiguous. */
        String shown(boolean withCode) {
            return withCode ? label + " (" + code + ")" : label;
        }
    }

    static final Map<String, List<Choice>> FIXED = new LinkedHashMap<>();

    static {
        FIXED.put("action", labelled(SubmissionItem.Action.values(), Map.of(SubmissionItem.Action.CREATE, "Thêm",
                SubmissionItem.Action.UPDATE, "Sửa", SubmissionItem.Action.DELETE, "Xóa")));
        FIXED.put("sex", labelled(Sex.values(), Map.of(Sex.MALE, "Nam", Sex.FEMALE, "Nữ", Sex.OTHER, "Khác", Sex.UNKNOWN, "Không rõ")));
        FIXED.put("residenceStatus", labelled(ResidenceStatus.values(), Map.of(ResidenceStatus.CITIZEN, "Có quốc tịch nước sở tại",
                ResidenceStatus.PERMANENT_RESIDENT, "Thường trú", ResidenceStatus.TEMPORARY_RESIDENT, "Tạm trú",
                ResidenceStatus.STUDENT, "Du học sinh", ResidenceStatus.WORKER, "Lao động", ResidenceStatus.UNKNOWN, "Không rõ")));
        FIXED.put("category", labelled(Category.values(), Map.of(Category.EXPERT, "Chuyên gia", Category.INTELLECTUAL, "Trí thức",
                Category.ENTREPRENEUR, "Doanh nhân", Category.STUDENT, "Sinh viên", Category.WORKER, "Người lao động",
                Category.ATHLETE, "Vận động viên", Category.ARTIST, "Văn nghệ sĩ", Category.ASSOCIATION_LEADER, "Lãnh đạo hội đoàn",
                Category.RESPECTED_INDIVIDUAL, "Người có uy tín", Category.OTHER, "Khác")));
        FIXED.put("status", labelled(Status.values(), Map.of(Status.ACTIVE, "Đang ở nước ngoài", Status.RETURNED, "Đã về nước",
                Status.DECEASED, "Đã mất", Status.LOST_CONTACT, "Mất liên lạc")));
        FIXED.put("associationKind", labelled(AssociationData.Kind.values(), Map.of(AssociationData.Kind.HOMETOWN, "Hội đồng hương",
                AssociationData.Kind.BUSINESS, "Hội doanh nhân", AssociationData.Kind.PROFESSIONAL, "Hội nghề nghiệp, trí thức",
                AssociationData.Kind.STUDENT, "Hội sinh viên", AssociationData.Kind.OTHER, "Khác")));
        FIXED.put("contributionKind", labelled(ContributionData.Kind.values(), Map.of(ContributionData.Kind.INVESTMENT, "Đầu tư",
                ContributionData.Kind.CHARITY, "Từ thiện, nhân đạo", ContributionData.Kind.KNOWLEDGE_TRANSFER, "Chuyển giao tri thức",
                ContributionData.Kind.TRADE_PROMOTION, "Xúc tiến thương mại", ContributionData.Kind.REMITTANCE, "Kiều hối",
                ContributionData.Kind.OTHER, "Khác")));
    }

    /** The choices of an enum, in its order; a value without a label stops the start (the enum is where codes are defined). */
    private static <E extends Enum<E>> List<Choice> labelled(E[] values, Map<E, String> labels) {
        List<Choice> choices = new ArrayList<>();
        for (E value : values) {
            String label = labels.get(value);
            if (label == null) {
                throw new IllegalStateException("no Vietnamese label for " + value.getDeclaringClass().getSimpleName() + "." + value);
            }
            choices.add(new Choice(value.name(), label));
        }
        return List.copyOf(choices);
    }

    /** Lists whose labels repeat (two communes may share a name), so the dropdown shows the code too. */
    static final List<String> SHOWN_WITH_CODE = List.of("country", "hometown");
    /** The "(đến 2025-06-30)" of a unit that the 2025 reform ended. */
    private static final Pattern VALID_UNTIL = Pattern.compile("\\s*\\(đến [^)]*\\)$");
    private static final Pattern TRAILING_CODE = Pattern.compile(".*\\(([A-Z0-9_]{2,20})\\)\\s*$");

    @Inject
    EntityManager em;

    /** The lists, and the countries' and hometowns' names by code and by folded name (a name two codes share is left out). */
    private record Loaded(Map<String, List<Choice>> all, Map<String, Map<String, String>> byCode, Map<String, Map<String, String>> byName,
                          Map<String, String> countriesInEnglish) {
    }

    /** Reference data, which the service never writes: read once. */
    private volatile Loaded loaded;

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            Map<String, List<Choice>> all = read();
            Map<String, Map<String, String>> byCode = new java.util.HashMap<>();
            Map<String, Map<String, String>> byName = new java.util.HashMap<>();
            for (String list : List.of("country", "hometown")) {
                Map<String, String> codes = new java.util.HashMap<>();
                Map<String, String> names = new java.util.HashMap<>();
                java.util.Set<String> repeated = new java.util.HashSet<>();
                for (Choice c : all.get(list)) {
                    codes.putIfAbsent(c.code(), c.label());
                    String name = Text.fold(VALID_UNTIL.matcher(c.label()).replaceAll(""));
                    if (names.putIfAbsent(name, c.code()) != null && !names.get(name).equals(c.code())) {
                        repeated.add(name);
                    }
                }
                repeated.forEach(names::remove);
                byCode.put(list, Map.copyOf(codes));
                byName.put(list, Map.copyOf(names));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> english = em.createNativeQuery("SELECT code, name_en FROM country").getResultList();
            Map<String, String> countriesInEnglish = new java.util.HashMap<>();
            english.forEach(r -> countriesInEnglish.put((String) r[0], (String) r[1]));
            l = new Loaded(all, byCode, byName, Map.copyOf(countriesInEnglish));
            loaded = l;
        }
        return l;
    }

    /** Every list, in the template's order. */
    Map<String, List<Choice>> all() {
        return loaded().all();
    }

    private Map<String, List<Choice>> read() {
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

    /**
     * The code a cell of a coded column means: its code, its label, or "label (CODE)"; a country
     * or a commune typed by its name (with or without diacritics, "Nhat Ban") when only one has
     * that name; else the text as it is, which the record's rules then refuse by name.
     */
    public String code(String list, String text) {
        Matcher m = TRAILING_CODE.matcher(text);
        if (m.matches()) {
            return m.group(1);
        }
        for (Choice c : FIXED.getOrDefault(list, List.of())) {
            if (c.code().equalsIgnoreCase(text) || c.label().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
                return c.code();
            }
        }
        if (list.equals("country") || list.equals("hometown")) {
            String named = loaded().byName().getOrDefault(list, Map.of()).get(Text.fold(text));
            if (named != null) {
                return named;
            }
        }
        return list.equals("country") ? text.toUpperCase(Locale.ROOT) : text;
    }

    /**
     * How a coded value reads to an official: a label of a fixed list ("Nữ"), a country or a
     * hometown as its name with the code ("Hàn Quốc (KR)", "Xã Biển Động (07591)"); the code itself when no list knows it.
     */
    public String shown(String list, String code, String lang) {
        if (!"en".equals(lang)) {
            return shown(list, code);
        }
        if (FIXED.containsKey(list)) {
            return RecordColumns.ENGLISH.getProperty("list." + list + "." + code, code);
        }
        String name = list.equals("country") ? loaded().countriesInEnglish().get(code) : null;
        return name == null ? shown(list, code) : name + " (" + code + ")";  // a commune keeps its Vietnamese name
    }

    /** As {@link #shown(String, String, String)} in Vietnamese: the template's own labels. */
    public String shown(String list, String code) {
        if (FIXED.containsKey(list)) {
            return label(list, code);
        }
        Map<String, String> names = loaded().byCode().get(list);
        String name = names == null ? null : names.get(code);
        return name == null ? code : name + " (" + code + ")";
    }

    /** What the template's dropdown of a list offers, in its order. */
    public List<String> choices(String list) {
        if (FIXED.containsKey(list)) {
            return FIXED.get(list).stream().map(Choice::label).toList();
        }
        return all().get(list).stream().map(c -> c.shown(true)).toList();
    }

    /** A unit's name with its code, as a heading names it: "Huyện Lục Ngạn (219)". */
    public String unitName(String code) {
        String name = loaded().byCode().get("hometown").get(code);
        return name == null ? code : VALID_UNTIL.matcher(name).replaceAll("") + " (" + code + ")";
    }

    /** The Vietnamese label of a code of a fixed list (sex, category, associationKind, …), or the code itself. */
    public static String label(String list, String code) {
        return FIXED.getOrDefault(list, List.of()).stream().filter(c -> c.code().equals(code)).map(Choice::label).findFirst().orElse(code);
    }
}
