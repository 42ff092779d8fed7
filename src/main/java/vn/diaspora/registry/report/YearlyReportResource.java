package vn.diaspora.registry.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Problem;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.SpreadsheetText;
import vn.diaspora.registry.report.YearlyReportService.YearlyReport;

import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;

@Path("/api/v1/reports/yearly")
@Tag(name = "Statistics")
public class YearlyReportResource {
    private static final String DESCRIPTION = "The configured indicators over the calendar year (persons by country and category, new and left; "
            + "associations by country and kind; businesses by country and those distributing Vietnamese goods; contributions by kind and "
            + "currency) and the reporting completeness of each quarter, as known at asKnownAt: the same call with the same asKnownAt "
            + "gives the same figures whatever is written later.";

    @Inject
    YearlyReportService reports;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "The province's yearly report to the Ministry", description = DESCRIPTION
            + " Ask for " + SpreadsheetText.XLSX + " (Accept) to get it as a workbook with Vietnamese headings.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "410", description = StatisticsResource.BEFORE_RETENTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public YearlyReport json(@Parameter(description = "24 or 52; the officer's own by default") @Size(max = Limits.CODE) @QueryParam("province") String province,
                             @Parameter(description = "The calendar year, e.g. 2025", required = true) @Size(max = 4) @QueryParam("year") String year,
                             @Parameter(description = "The figures as they stood at this instant (ISO 8601, or a date: its start, UTC; not in the future). "
                                     + "Default: now, returned in the answer so that the report can be produced again")
                             @Size(max = Limits.INSTANT) @QueryParam("asKnownAt") String asKnownAt) {
        return reports.report(Params.year("year", year), province, Params.instant("asKnownAt", asKnownAt));
    }

    @GET
    @Produces(SpreadsheetText.XLSX)
    @RolesAllowed({PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "The province's yearly report to the Ministry, as XLSX", description = DESCRIPTION)
    public Response xlsx(@Size(max = Limits.CODE) @QueryParam("province") String province,
                         @Size(max = 4) @QueryParam("year") String year,
                         @Size(max = Limits.INSTANT) @QueryParam("asKnownAt") String asKnownAt) {
        return YearlyReportXlsx.download(json(province, year, asKnownAt));
    }
}
