package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.record.RecordColumns;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.record.RecordKind;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Officials who chose English read English names of every sheet, column and code of the lists (messages/labels_en.properties). */
class LabelsTest {
    @Test
    void everySheetColumnAndCodeHasAnEnglishName() {
        List<String> missing = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            if (RecordColumns.ENGLISH.getProperty("sheet." + kind) == null) {
                missing.add("sheet " + kind);
            }
            List<RecordColumns.Column> columns = new ArrayList<>(RecordColumns.ROW);
            columns.addAll(RecordColumns.FIELDS.get(kind));
            for (RecordColumns.Column c : columns) {
                if (!english(kind, c.path())) {
                    missing.add(kind + "." + c.path());
                }
            }
        }
        for (String field : RecordColumns.OTHER_FIELDS.keySet()) {
            if (!english(RecordKind.PERSON, field)) {
                missing.add(field);
            }
        }
        CodeLists.FIXED.forEach((list, choices) -> choices.forEach(c -> {
            if (RecordColumns.ENGLISH.getProperty("list." + list + "." + c.code()) == null) {
                missing.add("list." + list + "." + c.code());
            }
        }));
        assertEquals(List.of(), missing);
        assertEquals("Full name", RecordColumns.label(RecordKind.PERSON, "data.fullName", "en"));
        assertEquals("Country of residence", RecordColumns.label(RecordKind.PERSON, "country", "en"));
        assertEquals("Country", RecordColumns.label(RecordKind.BUSINESS, "country", "en"));
        assertEquals("Nationalities", RecordColumns.label(RecordKind.PERSON, "nationalities[1]", "en"));
        assertEquals("Họ và tên", RecordColumns.label(RecordKind.PERSON, "fullName", "vi"));
    }

    private static boolean english(RecordKind kind, String path) {
        return RecordColumns.ENGLISH.getProperty(kind + "." + path) != null || RecordColumns.ENGLISH.getProperty(path) != null;
    }
}
