package vn.diaspora.registry.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.util.Comparator;
import java.util.List;

/**
 * Swagger UI lists the tags in the document's order: the records first, as people need them, then
 * the quarterly cycle, statistics, reference data, privacy and audit (not alphabetical).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiTagOrder implements OASFilter {
    static final List<String> ORDER = List.of("Persons", "Associations", "Businesses", "Contributions", "Duplicates", "Quarterly cycle",
            "Statistics", "Change feed", "Webhooks", "Reference data", "Privacy", "Audit");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            openAPI.setTags(openAPI.getTags().stream()
                    .sorted(Comparator.comparingInt((Tag t) -> ORDER.indexOf(t.getName()) < 0 ? ORDER.size() : ORDER.indexOf(t.getName())))
                    .toList());
        }
    }
}
