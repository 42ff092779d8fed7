package vn.diaspora.registry.contribution;

import vn.diaspora.registry.export.RecordExport;
import vn.diaspora.registry.common.SpreadsheetText;
import vn.diaspora.registry.common.Where;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import jakarta.validation.Valid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.Validation;
import vn.diaspora.registry.contribution.ContributionData.Kind;
import vn.diaspora.registry.record.RecordResource;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.record.RecordView;

import static vn.diaspora.registry.security.Roles.API_READER;
import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;
import static vn.diaspora.registry.security.Roles.UNIT_OFFICER;

@Path("/api/v1/contributions")
@Tag(name = "Contributions", description = "Investment, charity, knowledge transfer, trade promotion and other contributions to the province")
public class ContributionResource extends RecordResource<Contribution, ContributionData> {
    @Inject
    RecordExport exports;
    @Inject
    ContributionService contributions;

    @Override
    protected RecordService<Contribution, ContributionData> service() {
        return contributions;
    }

    /** The list's filters: the same for the list and its export. */
    public static class Filters {
        @Parameter(description = "Search in description and project") @Size(max = Limits.QUERY) @QueryParam("q") public String q;
        @Parameter(description = "INVESTMENT, CHARITY, KNOWLEDGE_TRANSFER, TRADE_PROMOTION, REMITTANCE or OTHER") @Schema(implementation = Kind.class, type = SchemaType.STRING) @QueryParam("kind") public String kind;
        @Size(max = Limits.UUID) @QueryParam("person") public String person;
        @Size(max = Limits.UUID) @QueryParam("association") public String association;
        @Size(max = Limits.UUID) @QueryParam("business") public String business;
        @Parameter(description = "Contributions on or after this date (YYYY-MM-DD)") @Size(max = Limits.DATE) @QueryParam("from") public String from;
        @Parameter(description = "Contributions on or before this date (YYYY-MM-DD)") @Size(max = Limits.DATE) @QueryParam("to") public String to;
        @Parameter(description = "Only records changed at or after this instant (ISO 8601)") @Size(max = Limits.INSTANT) @QueryParam("updatedSince") public String updatedSince;

        Where where() {
            return new ContributionService.Filter(Params.enumValue("kind", kind, Kind.class),
                    Validation.uuid(person, "person"),
                    Validation.uuid(association, "association"),
                    Validation.uuid(business, "business"),
                    Params.date("from", from), Params.date("to", to), Params.instant("updatedSince", updatedSince)).query();
        }
    }

    @GET
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, API_READER, REGISTRY_ADMIN})
    @Operation(summary = "List and search contributions", description = "Keyset-paged; q matches the description and project.")
    public Page<RecordView<ContributionData>> list(@Valid @BeanParam Filters filters, @BeanParam Params.Paging paging) {
        return contributions.list(filters.q, paging, filters.where());
    }

    @GET
    @Path("/export")
    @Produces({RecordExport.CSV, SpreadsheetText.XLSX, RecordExport.NDJSON})
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, API_READER, REGISTRY_ADMIN})
    @Operation(summary = "Export the list", description = RecordExport.DESCRIPTION)
    public Response exportList(@Valid @BeanParam Filters filters,
                               @Parameter(description = RecordExport.FORMAT) @Schema(enumeration = {"csv", "xlsx", "ndjson"}) @QueryParam("format") String format) {
        return exports.response(service(), filters.q, filters.where(), format);
    }
}
