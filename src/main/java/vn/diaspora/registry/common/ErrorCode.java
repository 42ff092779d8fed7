package vn.diaspora.registry.common;

/**
 * Stable codes of field errors and dry-run findings (DHIS2's E4000… are the model). Their
 * Vietnamese and English texts are in messages/findings_vi.properties and findings_en.properties;
 * a test fails when a code lacks either.
 */
public enum ErrorCode {
    // any field (Bean Validation and JSON reading)
    REQUIRED, TOO_LONG, FORMAT, OUT_OF_RANGE, IN_THE_FUTURE, NAME_WITHOUT_LETTER, WRONG_TYPE, NOT_IN_LIST, UNKNOWN_FIELD,
    UNSTORABLE_TEXT, INVALID, BAD_PARAMETER,
    // codes and references
    HOMETOWN_UNKNOWN, COUNTRY_UNKNOWN, CURRENCY_UNKNOWN, REPORTING_UNIT_REQUIRED, REPORTING_UNIT_UNKNOWN, LINK_NOT_IN_SCOPE,
    // rules of a record
    BIRTH_YEAR_RANGE, BIRTH_DATE_RANGE, BIRTH_YEAR_MISMATCH, CONSENT_WITHDRAWN_BEFORE_GIVEN, CONTRIBUTOR_REQUIRED, CURRENCY_REQUIRED, GOODS_WITHOUT_DISTRIBUTION,
    SHARES_OVER_100,
    // rows of a submission
    ROW_DATA_REQUIRED, ROW_OTHER_UNIT, RECORD_ID_REQUIRED, RECORD_NOT_IN_UNIT, BASE_VERSION_REQUIRED, BASE_VERSION_CONFLICT,
    LIKELY_DUPLICATE, LIKELY_DUPLICATE_ELSEWHERE, VALID,
    // a submission as a whole, and the files uploaded to it
    NO_ROWS, EMPTY_FILE, NOT_A_SPREADSHEET, WORD_DOCUMENT, OLD_EXCEL, NOT_UTF8, TAB_SEPARATED, PIPE_SEPARATED, UNKNOWN_COLUMN, MISSING_COLUMN,
    UNKNOWN_SHEET, REPEATED_ROW_KEY, TOO_MANY_ROWS, WORKBOOK_TOO_LARGE;

    /** The bundles, read when a text is first asked for (an enum's own static fields come after its constants). */
    static final class Texts {
        static final java.util.Properties VI = Bundles.load("findings_vi");
        static final java.util.Properties EN = Bundles.load("findings_en");

        private Texts() {
        }
    }

    public String vietnamese() {
        return Texts.VI.getProperty(name());
    }

    public String english() {
        return Texts.EN.getProperty(name());
    }

    /** The text in the language ("vi" or "en"). */
    public String text(String lang) {
        return "en".equals(lang) ? english() : vietnamese();
    }
}
