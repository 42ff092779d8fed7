package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.common.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The Vietnamese and English texts of a finding, by its code, from one message bundle per
 * language (messages/findings_vi.properties, findings_en.properties): the two texts of a
 * finding always say the same thing.
 */
public final class Findings {
    static final Properties VI = load("findings_vi");
    static final Properties EN = load("findings_en");

    private Findings() {
    }

    static String vietnamese(ErrorCode code) {
        return VI.getProperty((code == null ? ErrorCode.INVALID : code).name());
    }

    static String english(ErrorCode code) {
        return EN.getProperty((code == null ? ErrorCode.INVALID : code).name());
    }

    /** The code's text in the language ("vi" or "en"), or null for no code. */
    public static String text(ErrorCode code, String language) {
        return code == null ? null : ("en".equals(language) ? EN : VI).getProperty(code.name());
    }

    /** A bundle of messages/ by its name (findings_vi, labels_en). */
    static Properties load(String bundle) {
        Properties texts = new Properties();
        try (InputStream in = Findings.class.getResourceAsStream("/messages/" + bundle + ".properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
