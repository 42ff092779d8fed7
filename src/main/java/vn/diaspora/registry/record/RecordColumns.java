package vn.diaspora.registry.record;

import vn.diaspora.registry.common.Text;

import java.util.List;
import java.util.Map;

/**
 * The columns of each record kind in files, with Vietnamese headers (the quarterly template and its
 * rows, the exports): the row's own columns, then one
 * column per field of the record kind ({@code path} is the JSON field, dotted when nested).
 */
public final class RecordColumns {
    public enum Type { TEXT, INTEGER, DECIMAL, DATE, LIST, BOOLEAN, UUID }

    /** {@code codes}: the code list of a coded column (CodeLists), whose cells may hold a code or its Vietnamese label. */
    public record Column(String header, String path, Type type, String example, String codes) {
        Column(String header, String path, Type type, String example) {
            this(header, path, type, example, null);
        }

        /** This column's cell of a record's data, as text (a list's values joined with "; "; empty when absent). */
        public String textIn(com.fasterxml.jackson.databind.JsonNode data) {
            com.fasterxml.jackson.databind.JsonNode node = data;
            for (String part : path.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            if (node == null || node.isNull()) {
                return "";
            }
            if (node.isArray()) {
                List<String> items = new java.util.ArrayList<>();
                node.forEach(i -> items.add(i.isValueNode() ? i.asText() : i.toString()));
                return String.join("; ", items);
            }
            return node.isValueNode() ? node.asText() : node.toString();
        }
    }

    public static final String ROW_KEY = "Mã dòng";
    public static final String ACTION = "Thao tác";
    public static final String RECORD_ID = "Mã bản ghi";
    public static final String BASE_VERSION = "Phiên bản gốc";
    public static final String REASON = "Lý do xóa";

    public static final List<Column> ROW = List.of(
            new Column(ROW_KEY, "rowKey", Type.TEXT, "LN-0001"),
            new Column(ACTION, "action", Type.TEXT, "Thêm", "action"),
            new Column(RECORD_ID, "recordId", Type.UUID, ""),
            new Column(BASE_VERSION, "baseVersion", Type.INTEGER, ""),
            new Column(REASON, "reason", Type.TEXT, ""));

    public static final Map<RecordKind, String> SHEETS = Map.of(
            RecordKind.PERSON, "Người ở nước ngoài",
            RecordKind.ASSOCIATION, "Hội đoàn",
            RecordKind.BUSINESS, "Doanh nghiệp",
            RecordKind.CONTRIBUTION, "Đóng góp");

    public static final Map<RecordKind, List<Column>> FIELDS = Map.of(
            RecordKind.PERSON, List.of(
                    new Column("Họ và tên", "fullName", Type.TEXT, "Nguyễn Thị Hương"),
                    new Column("Tên ở nước ngoài", "foreignName", Type.TEXT, "Huong Nguyen"),
                    new Column("Tên khai sinh", "birthName", Type.TEXT, ""),
                    new Column("Giới tính", "sex", Type.TEXT, "Nữ", "sex"),
                    new Column("Ngày sinh", "birthDate", Type.DATE, "12/04/1988"),
                    new Column("Năm sinh", "birthYear", Type.INTEGER, ""),
                    new Column("Mã quê quán", "hometownCode", Type.TEXT, "07591", "hometown"),
                    new Column("Quốc gia cư trú", "country", Type.TEXT, "Nhật Bản (JP)", "country"),
                    new Column("Thành phố", "city", Type.TEXT, "Osaka"),
                    new Column("Tình trạng cư trú", "residenceStatus", Type.TEXT, "Thường trú", "residenceStatus"),
                    new Column("Quốc tịch", "nationalities", Type.LIST, "VN; JP", "country"),
                    new Column("Nhóm", "categories", Type.LIST, "Chuyên gia", "category"),
                    new Column("Nghề nghiệp", "occupation", Type.TEXT, "Kỹ sư phần mềm"),
                    new Column("Lĩnh vực chuyên môn", "expertise", Type.TEXT, ""),
                    new Column("Nơi làm việc", "employer", Type.TEXT, ""),
                    new Column("Email", "contacts.email", Type.TEXT, "huong@example.jp"),
                    new Column("Điện thoại", "contacts.phone", Type.TEXT, "+81 6 1234 5678"),
                    new Column("Địa chỉ ở nước ngoài", "contacts.address", Type.TEXT, ""),
                    new Column("Người thân ở quê", "relativesContact.name", Type.TEXT, ""),
                    new Column("Quan hệ", "relativesContact.relation", Type.TEXT, ""),
                    new Column("Điện thoại người thân", "relativesContact.phone", Type.TEXT, ""),
                    new Column("Trạng thái", "status", Type.TEXT, "Đang ở nước ngoài", "status"),
                    new Column("Ghi chú", "notes", Type.TEXT, "")),
            RecordKind.ASSOCIATION, List.of(
                    new Column("Tên hội", "name", Type.TEXT, "Hội đồng hương Bắc Giang tại Nhật Bản"),
                    new Column("Tên gốc", "originalName", Type.TEXT, ""),
                    new Column("Loại hình", "kind", Type.TEXT, "Hội đồng hương", "associationKind"),
                    new Column("Quốc gia", "country", Type.TEXT, "Nhật Bản (JP)", "country"),
                    new Column("Thành phố", "city", Type.TEXT, "Tokyo"),
                    new Column("Năm thành lập", "foundedYear", Type.INTEGER, "2012"),
                    new Column("Số hội viên", "memberCount", Type.INTEGER, "350"),
                    new Column("Email", "contacts.email", Type.TEXT, ""),
                    new Column("Điện thoại", "contacts.phone", Type.TEXT, ""),
                    new Column("Website", "website", Type.TEXT, ""),
                    new Column("Ghi chú", "notes", Type.TEXT, "")),
            RecordKind.BUSINESS, List.of(
                    new Column("Tên doanh nghiệp", "name", Type.TEXT, "Lục Ngạn Lychee GmbH"),
                    new Column("Quốc gia", "country", Type.TEXT, "Đức (DE)", "country"),
                    new Column("Thành phố", "city", Type.TEXT, "Berlin"),
                    new Column("Số đăng ký", "registrationNumber", Type.TEXT, ""),
                    new Column("Lĩnh vực", "sector", Type.TEXT, "Thực phẩm"),
                    new Column("Sản phẩm", "products", Type.LIST, ""),
                    new Column("Phân phối hàng Việt", "distributesVietnameseGoods", Type.BOOLEAN, "có"),
                    new Column("Nhóm hàng Việt", "vietnameseProductGroups", Type.LIST, "Vải thiều Lục Ngạn"),
                    new Column("Liên kết với tỉnh", "provinceLinks", Type.TEXT, ""),
                    new Column("Email", "contacts.email", Type.TEXT, ""),
                    new Column("Điện thoại", "contacts.phone", Type.TEXT, ""),
                    new Column("Website", "website", Type.TEXT, ""),
                    new Column("Ghi chú", "notes", Type.TEXT, "")),
            RecordKind.CONTRIBUTION, List.of(
                    new Column("Loại đóng góp", "kind", Type.TEXT, "Từ thiện, nhân đạo", "contributionKind"),
                    new Column("Ngày", "date", Type.DATE, "10/02/2026"),
                    new Column("Số tiền", "amount", Type.DECIMAL, "250000000"),
                    new Column("Tiền tệ", "currency", Type.TEXT, "VND"),
                    new Column("Mô tả", "description", Type.TEXT, ""),
                    new Column("Dự án", "project", Type.TEXT, ""),
                    new Column("Mã người", "personId", Type.UUID, ""),
                    new Column("Mã hội", "associationId", Type.UUID, ""),
                    new Column("Mã doanh nghiệp", "businessId", Type.UUID, "")));

    private RecordColumns() {
    }

    /** English names of sheets, columns and fields (messages/labels_en.properties); Vietnamese is the template's own. */
    public static final java.util.Properties ENGLISH = vn.diaspora.registry.common.Bundles.load("labels_en");

    /** A sheet's name in the language ("vi" or "en"). */
    public static String sheet(RecordKind kind, String lang) {
        return "en".equals(lang) ? ENGLISH.getProperty("sheet." + kind, SHEETS.get(kind)) : SHEETS.get(kind);
    }

    /** What an official calls a field, in the language ("vi" or "en"). */
    public static String label(RecordKind kind, String field, String lang) {
        if (!"en".equals(lang)) {
            return label(kind, field);
        }
        String path = (field.startsWith("data.") ? field.substring(5) : field).replaceAll("\\[\\d+]", "");
        String english = ENGLISH.getProperty(kind + "." + path, ENGLISH.getProperty(path));
        return english != null ? english : label(kind, field);
    }

    /** The template's header of the column that holds a field (data.contacts.email, nationalities[1], baseVersion), or null. */
    public static String header(RecordKind kind, String field) {
        String path = field.startsWith("data.") ? field.substring(5) : field;
        String bare = path.replaceAll("\\[\\d+]", "");
        for (List<Column> columns : List.of(ROW, FIELDS.get(kind))) {
            for (Column c : columns) {
                if (c.path().equals(bare) || c.path().startsWith(bare + ".")) {
                    return c.header();
                }
            }
        }
        return null;
    }

    /** Fields no column of the template holds, by what an official calls them. */
    public static final Map<String, String> OTHER_FIELDS = Map.ofEntries(
            Map.entry("reportingUnit", "Đơn vị báo cáo"), Map.entry("consent.legalBasis", "Căn cứ xử lý dữ liệu"),
            Map.entry("consent.date", "Ngày đồng ý"), Map.entry("consent.scope", "Phạm vi đồng ý"),
            Map.entry("consent.withdrawnOn", "Ngày rút đồng ý"), Map.entry("contacts.website", "Website"),
            Map.entry("relativesContact.address", "Địa chỉ người thân"), Map.entry("leaders", "Người lãnh đạo"),
            Map.entry("members", "Hội viên"), Map.entry("owners", "Chủ sở hữu"));

    /** What an official calls a field: its column's header in the template, a name of its own, or the field's name. */
    public static String label(RecordKind kind, String field) {
        String header = header(kind, field);
        return header != null ? header : OTHER_FIELDS.getOrDefault(field.replaceAll("\\[\\d+]", ""), field);
    }

    /** The template's column of a field path (contacts.email), or null when no column holds it. */
    public static Column column(RecordKind kind, String path) {
        for (List<Column> columns : List.of(ROW, FIELDS.get(kind))) {
            for (Column c : columns) {
                if (c.path().equals(path)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** A field's place in the template (name first), for showing fields in the order officials fill them; others after. */
    public static int order(RecordKind kind, String path) {
        List<Column> columns = FIELDS.get(kind);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).path().equals(path) || path.startsWith(columns.get(i).path() + ".")) {
                return i;
            }
        }
        return columns.size();
    }

    /** The kind of a data sheet, by its name as the template has it (any case, with or without diacritics) or the kind's code. */
    public static RecordKind kindOfSheet(String name) {
        String folded = Text.fold(name);
        for (Map.Entry<RecordKind, String> e : SHEETS.entrySet()) {
            if (Text.fold(e.getValue()).equals(folded) || e.getKey().name().equalsIgnoreCase(folded)) {
                return e.getKey();
            }
        }
        return null;
    }
}
