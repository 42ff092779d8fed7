package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.association.AssociationService;
import vn.diaspora.registry.business.BusinessService;
import vn.diaspora.registry.contribution.ContributionService;
import vn.diaspora.registry.person.PersonService;
import vn.diaspora.registry.record.RecordService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/processing-record.md states the officer-only fields the access policy really hides. */
@QuarkusTest
class ProcessingRecordTest {
    @Inject
    PersonService persons;
    @Inject
    AssociationService associations;
    @Inject
    BusinessService businesses;
    @Inject
    ContributionService contributions;

    @Test
    void theRecordOfProcessingNamesTheFieldsThePolicyHides() throws Exception {
        String page = Files.readString(Path.of("docs/processing-record.md"));
        Map<String, RecordService<?, ?>> kinds = new LinkedHashMap<>();
        kinds.put("person", persons);
        kinds.put("association", associations);
        kinds.put("business", businesses);
        kinds.put("contribution", contributions);
        kinds.forEach((kind, service) -> {
            Matcher row = Pattern.compile("^\\| " + kind + " \\| ([^|]+) \\|$", Pattern.MULTILINE).matcher(page);
            org.junit.jupiter.api.Assertions.assertTrue(row.find(), "no officer-only row for " + kind);
            String cell = row.group(1).strip();
            List<String> stated = cell.equals("(none)") ? List.of() : List.of(cell.split(",\\s*"));
            assertEquals(service.officerOnlyFields(), stated, kind);
        });
    }
}
