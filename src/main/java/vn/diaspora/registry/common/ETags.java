package vn.diaspora.registry.common;


/** Weak ETags carry the record version: {@code W/"3"}. */
public final class ETags {
    private ETags() {
    }

    public static String of(int version) {
        return "W/\"" + version + "\"";
    }

    /**
     * The version a client's If-Match names: 428 when missing (or {@code *}: a write must name the
     * version it was based on). A tag that is not one of ours matches no version, so the write is
     * answered 412 like a stale one (RFC 9110 13.1.1): -1 here.
     */
    public static int required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw new ProblemException(ProblemException.Reason.VERSION_REQUIRED, "This write needs an If-Match header with the record's ETag (from GET)",
                    java.util.List.of(new Problem.FieldError("If-Match", "required")));
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v.matches("[0-9]{1,9}") ? Integer.parseInt(v) : -1;
    }

    public static ProblemException stale(int current) {
        return new ProblemException(ProblemException.Reason.STALE,
                "The record has changed since you read it (now at version " + current + "); GET it again and reapply your change",
                java.util.List.of(new Problem.FieldError("If-Match", "stale")));
    }
}
