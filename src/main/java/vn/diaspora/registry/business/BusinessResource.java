package vn.diaspora.registry.business;

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
import vn.diaspora.registry.record.RecordResource;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.record.RecordView;

import static vn.diaspora.registry.security.Roles.API_READER;
import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;
import static vn.diaspora.registry.security.Roles.UNIT_OFFICER;

@Path("/api/v1/businesses")
@Tag(name = "Businesses", description = "Diaspora businesses, their owners and their links to the province")
public class BusinessResource extends RecordResource<Business, BusinessData> {
    @Inject
    BusinessService businesses;

    @Override
    protected RecordService<Business, BusinessData> service() {
        return businesses;
    }

    @GET
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, API_READER, REGISTRY_ADMIN})
    @Operation(summary = "List and search businesses", description = "Keyset-paged; q matches the name without regard to case, diacritics or a small typo.")
    public Page<RecordView<BusinessData>> list(
            @Parameter(description = "Name search") @Size(max = Limits.QUERY) @QueryParam("q") String q,
            @Parameter(description = "Country (ISO alpha-2)") @Size(max = 2) @QueryParam("country") String country,
            @Parameter(description = "true: only businesses that distribute Vietnamese goods") @Schema(type = SchemaType.BOOLEAN) @QueryParam("distributesVietnameseGoods") String distributes,
            @Parameter(description = "Only businesses with this person as an owner") @Size(max = Limits.UUID) @QueryParam("owner") String owner,
            @Parameter(description = "Only records changed at or after this instant (ISO 8601)") @Size(max = Limits.INSTANT) @QueryParam("updatedSince") String updatedSince,
            @BeanParam Params.Paging paging) {
        return businesses.list(q, paging, new BusinessService.Filter(country, Params.bool("distributesVietnameseGoods", distributes),
                Validation.uuid(owner, "owner"), Params.instant("updatedSince", updatedSince)).query());
    }
}
