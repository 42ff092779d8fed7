package vn.diaspora.registry.person;

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
import vn.diaspora.registry.person.PersonData.Category;
import vn.diaspora.registry.person.PersonData.Status;
import vn.diaspora.registry.record.RecordResource;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.record.RecordView;

import static vn.diaspora.registry.security.Roles.API_READER;
import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;
import static vn.diaspora.registry.security.Roles.UNIT_OFFICER;

@Path("/api/v1/persons")
@Tag(name = "Persons", description = "Natives of Bắc Giang and Bình Định living abroad")
public class PersonResource extends RecordResource<Person, PersonData> {
    @Inject
    RecordExport exports;
    @Inject
    PersonService persons;

    @Override
    protected RecordService<Person, PersonData> service() {
        return persons;
    }

    @Inject
    PersonPrivacy privacy;

    @GET
    @jakarta.ws.rs.Path("/{id}/export")
    @RolesAllowed(REGISTRY_ADMIN)
    @Operation(summary = "Everything held about a person: the record, every version, links (registry-admin; audited)")
    public PersonPrivacy.Export export(@jakarta.ws.rs.PathParam("id") java.util.UUID id) {
        return privacy.export(id);
    }

    @jakarta.ws.rs.POST
    @jakarta.ws.rs.Path("/{id}/erasure")
    @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    @RolesAllowed(REGISTRY_ADMIN)
    @Operation(summary = "Erase a person's personal data (registry-admin; audited)",
            description = "Removes the personal fields from the record and from all its versions; country, hometown, "
                    + "categories and residence status stay for anonymous statistics. The record leaves lists and searches.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "Erased")
    public void erase(@jakarta.ws.rs.PathParam("id") java.util.UUID id, ErasureRequest request) {
        privacy.erase(id, request == null ? null : request.reason());
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ErasureRequest")
    public record ErasureRequest(@org.eclipse.microprofile.openapi.annotations.media.Schema(example = "request of the person, letter of 2026-11-20",
            maxLength = vn.diaspora.registry.common.Limits.DELETE_REASON) String reason) {
    }

    /** The list's filters: the same for the list and its export. */
    public static class Filters {
        @Parameter(description = "Name search, e.g. 'nguyen thi huong'") @Size(max = Limits.QUERY) @QueryParam("q") public String q;
        @Parameter(description = "Country of residence (ISO alpha-2)") @Size(max = 2) @QueryParam("country") public String country;
        @Parameter(description = "Admin-unit code; a province or district also matches the communes under it, across the 2025 reform") @Size(max = Limits.CODE) @QueryParam("hometown") public String hometown;
        @Parameter(description = "One of the person categories, e.g. EXPERT") @Schema(implementation = Category.class, type = SchemaType.STRING) @QueryParam("category") public String category;
        @Parameter(description = "ACTIVE, RETURNED, DECEASED or LOST_CONTACT") @Schema(implementation = Status.class, type = SchemaType.STRING) @QueryParam("status") public String status;
        @Parameter(description = "Only records changed at or after this instant (ISO 8601)") @Size(max = Limits.INSTANT) @QueryParam("updatedSince") public String updatedSince;

        Where where() {
            return new PersonService.Filter(country, hometown,
                    Params.enumValue("category", category, Category.class), Params.enumValue("status", status, Status.class),
                    Params.instant("updatedSince", updatedSince)).query();
        }
    }

    @GET
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, API_READER, REGISTRY_ADMIN})
    @Operation(summary = "List and search persons", description = "Keyset-paged; q matches names without regard to case, diacritics or a small typo, best match first.")
    public Page<RecordView<PersonData>> list(@Valid @BeanParam Filters filters, @BeanParam Params.Paging paging) {
        return persons.list(filters.q, paging, filters.where());
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
