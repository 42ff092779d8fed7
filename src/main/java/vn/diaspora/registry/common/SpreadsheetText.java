package vn.diaspora.registry.common;

/**
 * Text the service writes into a spreadsheet (templates, and any export or report in XLSX or
 * CSV) never starts a formula: a value beginning with = + - @ tab or carriage return gets a
 * leading apostrophe, which Excel and LibreOffice show as text (OWASP "CSV injection").
 * <p>
 * On input such text is kept as it is: it is data (a phone number "+81 6…", a note "- met in
 * Osaka"), stored in JSON and never evaluated by the registry; an uploaded XLSX cell that is
 * a real formula is refused (XlsxFile), since its value is not what the official saw typed.
 */
public final class SpreadsheetText {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private SpreadsheetText() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
