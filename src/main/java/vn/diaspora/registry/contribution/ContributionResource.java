package vn.diaspora.registry.contribution;

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
    ContributionService contributions;

    @Override
    protected RecordService<Contribution, ContributionData> service() {
        return contributions;
    }

    @GET
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, API_READER, REGISTRY_ADMIN})
    @Operation(summary = "List and search contributions", description = "Keyset-paged; q matches the description and project.")
    public Page<RecordView<ContributionData>> list(
            @Parameter(description = "Search in description and project") @Size(max = Limits.QUERY) @QueryParam("q") String q,
            @Parameter(description = "INVESTMENT, CHARITY, KNOWLEDGE_TRANSFER, TRADE_PROMOTION, REMITTANCE or OTHER") @Schema(implementation = Kind.class, type = SchemaType.STRING) @QueryParam("kind") String kind,
            @Size(max = Limits.UUID) @QueryParam("person") String person,
            @Size(max = Limits.UUID) @QueryParam("association") String association,
            @Size(max = Limits.UUID) @QueryParam("business") String business,
            @Parameter(description = "Contributions on or after this date (YYYY-MM-DD)") @Size(max = Limits.DATE) @QueryParam("from") String from,
            @Parameter(description = "Contributions on or before this date (YYYY-MM-DD)") @Size(max = Limits.DATE) @QueryParam("to") String to,
            @Parameter(description = "Only records changed at or after this instant (ISO 8601)") @Size(max = Limits.INSTANT) @QueryParam("updatedSince") String updatedSince,
            @BeanParam Params.Paging paging) {
        return contributions.list(q, paging, new ContributionService.Filter(Params.enumValue("kind", kind, Kind.class),
                Validation.uuid(person, "person"),
                Validation.uuid(association, "association"),
                Validation.uuid(business, "business"),
                Params.date("from", from), Params.date("to", to), Params.instant("updatedSince", updatedSince)).query());
    }
}
