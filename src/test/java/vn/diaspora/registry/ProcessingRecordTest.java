package vn.diaspora.registry;

import org.junit.jupiter.api.Test;
import vn.diaspora.registry.record.RecordKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/processing-record.md states the officer-only fields the access policy really hides (RecordKind.sealed). */
class ProcessingRecordTest {
    @Test
    void theRecordOfProcessingNamesTheFieldsThePolicyHides() throws Exception {
        String page = Files.readString(Path.of("docs/processing-record.md"));
        for (RecordKind kind : RecordKind.values()) {
            Matcher row = Pattern.compile("^\\| " + kind.table() + " \\| ([^|]+) \\|$", Pattern.MULTILINE).matcher(page);
            assertTrue(row.find(), "no officer-only row for " + kind);
            String cell = row.group(1).strip();
            List<String> stated = cell.equals("(none)") ? List.of() : List.of(cell.split(",\\s*"));
            assertEquals(kind.sealed(), stated, kind.name());
        }
    }
}
