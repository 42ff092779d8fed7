package vn.diaspora.registry.quarterly;

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
            if (ItemColumns.ENGLISH.getProperty("sheet." + kind) == null) {
                missing.add("sheet " + kind);
            }
            List<ItemColumns.Column> columns = new ArrayList<>(ItemColumns.ROW);
            columns.addAll(ItemColumns.FIELDS.get(kind));
            for (ItemColumns.Column c : columns) {
                if (!english(kind, c.path())) {
                    missing.add(kind + "." + c.path());
                }
            }
        }
        for (String field : ItemColumns.OTHER_FIELDS.keySet()) {
            if (!english(RecordKind.PERSON, field)) {
                missing.add(field);
            }
        }
        CodeLists.FIXED.forEach((list, choices) -> choices.forEach(c -> {
            if (ItemColumns.ENGLISH.getProperty("list." + list + "." + c.code()) == null) {
                missing.add("list." + list + "." + c.code());
            }
        }));
        assertEquals(List.of(), missing);
        assertEquals("Full name", ItemColumns.label(RecordKind.PERSON, "data.fullName", "en"));
        assertEquals("Country of residence", ItemColumns.label(RecordKind.PERSON, "country", "en"));
        assertEquals("Country", ItemColumns.label(RecordKind.BUSINESS, "country", "en"));
        assertEquals("Nationalities", ItemColumns.label(RecordKind.PERSON, "nationalities[1]", "en"));
        assertEquals("Họ và tên", ItemColumns.label(RecordKind.PERSON, "fullName", "vi"));
    }

    private static boolean english(RecordKind kind, String path) {
        return ItemColumns.ENGLISH.getProperty(kind + "." + path) != null || ItemColumns.ENGLISH.getProperty(path) != null;
    }
}
