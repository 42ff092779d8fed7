package vn.diaspora.registry.common;

import java.text.Normalizer;
import java.util.List;

/** Input text as stored: Unicode NFC (Excel and some keyboards send decomposed Vietnamese), trimmed, blank as absent. */
public final class Text {
    private Text() {
    }

    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFC).strip();
        return t.isEmpty() ? null : t;
    }

    /** At most {@code max} characters (for text the service itself composes from what a client sent). */
    public static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null).distinct().toList();
    }
}
