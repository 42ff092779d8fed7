package vn.diaspora.registry.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.report.StatisticsService.GroupBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The indicators of the yearly report, read at start from a file (reports/yearly-indicators.json,
 * or the one named by registry.reports.yearly-indicators), since the Ministry's template changes
 * more often than the code. A file that names an unknown grouping or column stops the start.
 */
@Startup
@ApplicationScoped
public class YearlyIndicators {
    static final Set<String> COLUMNS = Set.of("count", "added", "updated", "removed", "amount");

    @Schema(name = "YearlyIndicatorTitle")
    public record Title(@Schema(maxLength = 300) String vi, @Schema(maxLength = 300) String en) {
    }

    public record Indicator(String code, GroupBy groupBy, List<String> columns, Title title) {
    }

    private record File(List<Indicator> indicators) {
    }

    private final List<Indicator> indicators;

    public YearlyIndicators(ObjectMapper json, @ConfigProperty(name = "registry.reports.yearly-indicators") Optional<Path> file) {
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : YearlyIndicators.class.getResourceAsStream("/reports/yearly-indicators.json")) {
            indicators = json.readerFor(File.class).without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .<File>readValue(in).indicators();
        } catch (IOException e) {
            throw new UncheckedIOException("The yearly report's indicators (" + file.map(Path::toString).orElse("reports/yearly-indicators.json")
                    + ") cannot be read: " + e.getMessage(), e);
        }
        for (Indicator i : indicators) {
            if (i.code() == null || i.groupBy() == null || i.title() == null || i.columns() == null || !COLUMNS.containsAll(i.columns())) {
                throw new IllegalStateException("Yearly indicator " + i.code() + " needs a code, a groupBy, a title {vi, en} and columns among " + COLUMNS);
            }
        }
    }

    public List<Indicator> all() {
        return indicators;
    }
}
