package vn.diaspora.registry.common;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.Normalizer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one normalisation of text the registry stores, whatever channel brought it (JSON, a
 * query, a CSV or XLSX cell). Refused: NUL and other control characters, lone surrogates and
 * non-characters ({@link #problem}), which PostgreSQL cannot store or which break what reads
 * them later. Normalised: Unicode NFC (Excel and some keyboards send decomposed Vietnamese);
 * invisible characters removed (format characters such as ZWSP and BOM, and the blank-looking
 * Hangul fillers and Braille blank), so that they defeat neither search nor the duplicate check;
 * every kind of space as one space; trimmed; blank as absent.
 */
public final class Text {
    private Text() {
    }

    /** A single-line value (names, places, codes): every run of white space becomes one space. */
    public static String clean(String s) {
        return normalise(s, false);
    }

    /** Free text (notes, descriptions): line breaks are kept, other white space runs become one space. */
    public static String cleanLines(String s) {
        return normalise(s, true);
    }

    private static String normalise(String s, boolean keepLines) {
        if (s == null) {
            return null;
        }
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length(); ) {
            int c = nfc.codePointAt(i);
            i += Character.charCount(c);
            if (invisible(c)) {
                continue;
            }
            if (keepLines && (c == '\n' || c == '\r')) {
                if (c == '\r' && i < nfc.length() && nfc.charAt(i) == '\n') {
                    continue; // \r\n: the \n follows
                }
                trimEnd(out);
                out.append('\n');
                space = false;
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint(c);
        }
        String t = out.toString().strip();
        return t.isEmpty() ? null : t;
    }

    private static void trimEnd(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    /**
     * A JSON value with each of its texts cleaned as free text ({@link #cleanLines}): how rows of
     * a report are stored, so that a duplicate check and a search see what a stored record holds.
     * A blank text stays as it was sent (the record's own rules say what blank means).
     */
    public static com.fasterxml.jackson.databind.JsonNode cleanTexts(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null ? null : cleaned(node.deepCopy());
    }

    private static com.fasterxml.jackson.databind.JsonNode cleaned(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isTextual()) {
            String clean = cleanLines(node.asText());
            return clean == null || clean.equals(node.asText()) ? node : com.fasterxml.jackson.databind.node.TextNode.valueOf(clean);
        }
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.fields().forEachRemaining(e -> e.setValue(cleaned(e.getValue())));
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, cleaned(a.get(i)));
            }
        }
        return node;
    }

    /** Characters that show nothing: format characters (Cf: ZWSP, ZWJ, BOM, bidi marks, ...) and blank letters and symbols. */
    static boolean invisible(int c) {
        return Character.getType(c) == Character.FORMAT
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 // Hangul fillers
                || c == 0x2800; // Braille pattern blank
    }

    /** Why the text cannot be stored, or null: a control character other than tab and line breaks, a lone surrogate, a non-character. */
    public static String problem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains a lone surrogate (not valid Unicode text)";
            } else if (c == 0xFFFE || c == 0xFFFF) {
                return "contains a Unicode non-character";
            }
        }
        return null;
    }

    /** The path and problem of the first string (value or field name) or number in {@code node} that cannot be stored, or null. */
    public static Problem.FieldError problemIn(String path, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String p = problem(node.textValue());
            return p == null ? null : new Problem.FieldError(path, p, ErrorCode.UNSTORABLE_TEXT);
        }
        if (node.isNumber() && ((node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) || node.asText().length() > 40)) {
            return new Problem.FieldError(path, "a number out of any range the registry holds", ErrorCode.OUT_OF_RANGE);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Problem.FieldError e = problemIn(path + "[" + i + "]", node.get(i));
                if (e != null) {
                    return e;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = problem(field.getKey());
            if (name != null) {
                return new Problem.FieldError(path, "a field name " + name, ErrorCode.UNSTORABLE_TEXT);
            }
            Problem.FieldError e = problemIn(path + "." + field.getKey(), field.getValue());
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** Whether a name has a letter: a name of only digits, punctuation or (removed) invisible characters is none. */
    public static boolean hasLetter(String s) {
        return s == null || s.codePoints().anyMatch(Character::isLetter);
    }

    /**
     * The text as people match it by eye: lower case, without diacritics (đ as d), single spaces;
     * "Người ở nước ngoài", "nguoi o nuoc ngoai " and "NGƯỜI Ở NƯỚC NGOÀI" are one.
     */
    public static String fold(String s) {
        String decomposed = Normalizer.normalize(s.strip().toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd').replaceAll("\\s+", " ");
    }

    /** At most {@code max} characters (for text the service itself composes from what a client sent). */
    public static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null).distinct().toList();
    }
}
