package vn.diaspora.registry.common;

/**
 * Lengths and counts the API admits, enforced where the value enters and written into the
 * OpenAPI document (OWASP API4: unbounded strings and lists invite resource exhaustion).
 */
public final class Limits {
    /** Admin-unit codes (5 digits at most), province codes, row states. */
    public static final int CODE = 10;
    /** Token subject, client id or user name as stored in created_by, actor, subject. */
    public static final int ACTOR = 255;
    /** X-Request-Id as accepted from a client (RequestId). */
    public static final int REQUEST_ID = 128;
    /** Spellings: a UUID, a date (2026-01-31), an instant (2026-01-31T23:59:59.123456789+07:00), a period (2026-Q3). */
    public static final int UUID = 36;
    public static final int DATE = 10;
    public static final int INSTANT = 35;
    public static final int PERIOD = 7;
    /** A delete or erasure reason. */
    public static final int DELETE_REASON = 500;
    /** The unit's own key of a submission row. */
    public static final int ROW_KEY = 100;
    /** An Idempotency-Key header. */
    public static final int IDEMPOTENCY_KEY = 255;
    /** Search text in q. */
    public static final int QUERY = 200;
    /** Opaque page cursor. */
    public static final int CURSOR = 200;
    /** Free text: notes, descriptions, problem details. */
    public static final int TEXT = 4000;
    /** Reasons and comments. */
    public static final int REASON = 2000;
    /** A request line (Quarkus' quarkus.http.limits.max-initial-line-length), hence any query string. */
    public static final int REQUEST_LINE = 4096;
    /** Versions listed in a record's history (the newest). */
    public static final int HISTORY = Page.MAX_LIMIT;
    /** Rows of one quarterly submission. */
    public static final int SUBMISSION_ROWS = 100_000;
    /** Units of a province (638 before and after the 2025 reform, both provinces). */
    public static final int UNITS = 1000;

    private Limits() {
    }
}
