package vn.diaspora.registry.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The message bundles of messages/: texts an official reads, one file per language (findings_vi, labels_en). */
public final class Bundles {
    private Bundles() {
    }

    /** A bundle by its name, read as UTF-8. */
    public static Properties load(String bundle) {
        Properties texts = new Properties();
        try (InputStream in = Bundles.class.getResourceAsStream("/messages/" + bundle + ".properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
