package vn.diaspora.registry.business;

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
    RecordExport exports;
    @Inject
    BusinessService businesses;

    @Override
    protected RecordService<Business, BusinessData> service() {
        return businesses;
    }

    /** The list's filters: the same for the list and its export. */
    public static class Filters {
        @Parameter(description = "Name search") @Size(max = Limits.QUERY) @QueryParam("q") public String q;
        @Parameter(description = "Country (ISO alpha-2)") @Size(max = 2) @QueryParam("country") public String country;
        @Parameter(description = "true: only businesses that distribute Vietnamese goods") @Schema(type = SchemaType.BOOLEAN) @QueryParam("distributesVietnameseGoods") public String distributes;
        @Parameter(description = "Only businesses with this person as an owner") @Size(max = Limits.UUID) @QueryParam("owner") public String owner;
        @Parameter(description = "Only records changed at or after this instant (ISO 8601)") @Size(max = Limits.INSTANT) @QueryParam("updatedSince") public String updatedSince;

        Where where() {
            return new BusinessService.Filter(country, Params.bool("distributesVietnameseGoods", distributes),
                    Validation.uuid(owner, "owner"), Params.instant("updatedSince", updatedSince)).query();
        }
    }

    @GET
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, API_READER, REGISTRY_ADMIN})
    @Operation(summary = "List and search businesses", description = "Keyset-paged; q matches the name without regard to case, diacritics or a small typo.")
    public Page<RecordView<BusinessData>> list(@Valid @BeanParam Filters filters, @BeanParam Params.Paging paging) {
        return businesses.list(filters.q, paging, filters.where());
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
