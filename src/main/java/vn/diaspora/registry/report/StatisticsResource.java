package vn.diaspora.registry.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Problem;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.quarterly.Period;
import vn.diaspora.registry.report.StatisticsService.GroupBy;
import vn.diaspora.registry.report.StatisticsService.Statistics;

import static vn.diaspora.registry.security.Roles.API_READER;
import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;
import static vn.diaspora.registry.security.Roles.UNIT_OFFICER;

@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Counts as of the end of a period and the changes during it")
public class StatisticsResource {
    /** A 410 of the statistics and the yearly report (StatisticsService.requireVersionsKept). */
    static final String BEFORE_RETENTION = "The period, year or asKnownAt is before the record versions' retention "
            + "(QUARKUS_FLYWAY_PLACEHOLDERS_VERSION_RETENTION_MONTHS): figures that far back are gone";

    @Inject
    StatisticsService statistics;

    @GET
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, API_READER, REGISTRY_ADMIN})
    @Operation(summary = "Counts of persons, associations, businesses or contributions for a period, grouped",
            description = "Computed from the records' versions. A change reported in a quarterly submission counts in the period it "
                    + "reports, whenever it was accepted; a direct edit counts when it was made. asKnownAt gives the figures as they stood "
                    + "at an earlier instant, so a report already sent can be reproduced.")
    @APIResponse(responseCode = "200", description = "A row per group")
    @APIResponse(responseCode = "410", description = BEFORE_RETENTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Statistics get(@Parameter(description = "24 or 52; the officer's own by default") @Size(max = Limits.CODE) @QueryParam("province") String province,
                          @Parameter(description = "YYYY-Qn", required = true) @Size(max = Limits.PERIOD) @QueryParam("period") String period,
                          @Parameter(description = "COUNTRY, HOMETOWN, UNIT, CATEGORY, RESIDENCE_STATUS, ASSOCIATION_COUNTRY, "
                                  + "ASSOCIATION_KIND, BUSINESS_COUNTRY, VIETNAMESE_GOODS_COUNTRY (businesses distributing Vietnamese goods) or "
                                  + "CONTRIBUTION_KIND (by kind and currency; default COUNTRY)")
                          @Schema(implementation = GroupBy.class, type = SchemaType.STRING) @QueryParam("groupBy") String groupBy,
                          @Parameter(description = "The figures as they stood at this instant (ISO 8601, or a date: its start, UTC): "
                                  + "reproduces a report already sent. Default: now") @Size(max = Limits.INSTANT) @QueryParam("asKnownAt") String asKnownAt) {
        if (period == null) {
            throw ProblemException.badParameter("period", "required, e.g. 2026-Q3");
        }
        GroupBy by = groupBy == null ? GroupBy.COUNTRY : Params.enumValue("groupBy", groupBy, GroupBy.class);
        return statistics.statistics(Period.parse(period), province, by, Params.instant("asKnownAt", asKnownAt));
    }
}
