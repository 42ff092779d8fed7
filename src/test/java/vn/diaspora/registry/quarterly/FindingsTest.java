package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.record.RecordColumns;
import vn.diaspora.registry.record.RecordKind;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.common.ErrorCode;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every code has its Vietnamese and its English text, and the bundles hold nothing else. */
class FindingsTest {
    @Test
    void everyCodeHasBothTexts() {
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(code.vietnamese() != null && !code.vietnamese().isBlank(), "no Vietnamese text for " + code);
            assertTrue(code.english() != null && !code.english().isBlank(), "no English text for " + code);
        }
    }

    @Test
    void theBundlesHoldOnlyCodes() {
        Set<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(codes, new TreeSet<>(vn.diaspora.registry.common.Bundles.load("findings_vi").stringPropertyNames()));
        assertEquals(codes, new TreeSet<>(vn.diaspora.registry.common.Bundles.load("findings_en").stringPropertyNames()));
    }

    @Test
    void aFieldIsNamedByItsTemplateHeader() {
        assertEquals("Email", RecordColumns.header(RecordKind.PERSON, "data.contacts.email"));
        assertEquals("Quốc tịch", RecordColumns.header(RecordKind.PERSON, "nationalities[1]"));
        assertEquals("Phiên bản gốc", RecordColumns.header(RecordKind.PERSON, "baseVersion"));
        assertEquals("Tên hội", RecordColumns.header(RecordKind.ASSOCIATION, "name"));
    }
}
