package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.common.Problem.FieldError;

/** Vietnamese wording of the findings officers read in a dry-run report. */
final class Messages {
    private Messages() {
    }

    static String vietnamese(FieldError e) {
        String field = e.field() == null ? "" : e.field();
        String m = e.message();
        if (field.equals("baseVersion") && m.startsWith("conflict")) {
            return "Xung đột: bản ghi đã được thay đổi sau phiên bản mà dòng này dựa vào";
        }
        if (field.equals("recordId")) {
            return "Không tìm thấy bản ghi cần sửa hoặc xóa trong dữ liệu của đơn vị";
        }
        if (field.equals("baseVersion")) {
            return "Thiếu phiên bản gốc của bản ghi";
        }
        if (field.endsWith("hometownCode")) {
            return "Mã quê quán không phải đơn vị hành chính của Bắc Giang hoặc Bình Định";
        }
        if (field.endsWith("country") || field.contains("nationalities")) {
            return "Mã quốc gia không hợp lệ (ISO 3166-1, ví dụ JP)";
        }
        if (field.endsWith("reportingUnit")) {
            return "Đơn vị báo cáo không hợp lệ";
        }
        if (m.startsWith("must not be blank") || m.startsWith("must not be null") || m.startsWith("required")) {
            return "Thiếu trường bắt buộc: " + field;
        }
        if (field.equals("data") || field.startsWith("data.")) {
            return "Dữ liệu không đúng định dạng ở trường " + field;
        }
        return "Giá trị không hợp lệ ở trường " + field;
    }
}
