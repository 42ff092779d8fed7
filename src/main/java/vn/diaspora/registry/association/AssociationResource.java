package vn.diaspora.registry.association;

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
import vn.diaspora.registry.association.AssociationData.Kind;
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

@Path("/api/v1/associations")
@Tag(name = "Associations", description = "Hometown, business, professional and student associations abroad")
public class AssociationResource extends RecordResource<Association, AssociationData> {
    @Inject
    AssociationService associations;

    @Override
    protected RecordService<Association, AssociationData> service() {
        return associations;
    }

    @GET
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, API_READER, REGISTRY_ADMIN})
    @Operation(summary = "List and search associations", description = "Keyset-paged; q matches the Vietnamese or original name without regard to case, diacritics or a small typo.")
    public Page<RecordView<AssociationData>> list(
            @Parameter(description = "Name search") @Size(max = Limits.QUERY) @QueryParam("q") String q,
            @Parameter(description = "Country (ISO alpha-2)") @Size(max = 2) @QueryParam("country") String country,
            @Parameter(description = "HOMETOWN, BUSINESS, PROFESSIONAL, STUDENT or OTHER") @Schema(implementation = Kind.class, type = SchemaType.STRING) @QueryParam("kind") String kind,
            @Parameter(description = "Only associations with this person as a member") @Size(max = Limits.UUID) @QueryParam("member") String member,
            @Parameter(description = "Only records changed at or after this instant (ISO 8601)") @Size(max = Limits.INSTANT) @QueryParam("updatedSince") String updatedSince,
            @BeanParam Params.Paging paging) {
        return associations.list(q, paging, new AssociationService.Filter(country, Params.enumValue("kind", kind, Kind.class),
                Validation.uuid(member, "member"), Params.instant("updatedSince", updatedSince)).query());
    }
}
