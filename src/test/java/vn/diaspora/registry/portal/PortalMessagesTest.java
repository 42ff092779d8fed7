package vn.diaspora.registry.portal;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The portal's English words are complete: every key of the Vietnamese bundle (Msg) has its
 * English text, and English has no key Vietnamese lacks. (A template naming a key missing from
 * Msg fails the build itself: Qute checks {msg:…} at build time.)
 */
class PortalMessagesTest {
    @Test
    void englishHasExactlyTheKeysOfVietnamese() throws Exception {
        Set<String> vietnamese = Arrays.stream(Msg.class.getDeclaredMethods()).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        Properties english = new Properties();
        try (InputStream in = PortalMessagesTest.class.getResourceAsStream("/messages/msg_en.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertEquals(vietnamese, new TreeSet<>(english.stringPropertyNames()));
    }
}
