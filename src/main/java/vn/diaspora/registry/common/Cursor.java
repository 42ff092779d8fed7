package vn.diaspora.registry.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursor: the sort key values of the last row of a page, base64url-encoded.
 * Clients must not build or parse it; a tampered cursor is a 400 naming {@code cursor}.
 */
public final class Cursor {
    private static final String SEP = "\u001f";

    private Cursor() {
    }

    public static String encode(Object... keys) {
        StringBuilder sb = new StringBuilder("v1");
        for (Object k : keys) {
            sb.append(SEP).append(k);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The one key of a single-key list's cursor, read by {@code key} (which throws
     * IllegalArgumentException, NumberFormatException included, for a value it cannot read), or
     * null on the first page; a cursor that is not one of ours is a 400 naming {@code cursor}.
     */
    public static <K> K after(String cursor, java.util.function.Function<String, K> key) {
        List<String> keys = decode(cursor, 1);
        if (keys == null) {
            return null;
        }
        try {
            return key.apply(keys.get(0));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("cursor", "not a cursor returned by this list");
        }
    }

    /** The {@code arity} keys of a cursor, or null when there is none. */
    public static List<String> decode(String cursor, int arity) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            if (cursor.length() > Limits.CURSOR) {
                throw new IllegalArgumentException();
            }
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(raw.split(SEP, -1));
            if (parts.size() != arity + 1 || !parts.get(0).equals("v1")) {
                throw new IllegalArgumentException();
            }
            return parts.subList(1, parts.size());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("cursor", "not a cursor returned by this list");
        }
    }
}
