package vn.diaspora.registry.record;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import org.jboss.resteasy.reactive.RestResponse;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.ETags;
import vn.diaspora.registry.idempotency.Idempotency;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.MergePatch;
import vn.diaspora.registry.common.Problem;
import vn.diaspora.registry.common.ProblemException;

import java.util.List;
import java.util.UUID;

import static vn.diaspora.registry.security.Roles.API_READER;
import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;
import static vn.diaspora.registry.security.Roles.UNIT_OFFICER;

/**
 * The HTTP edge of a record collection: create, read, replace, merge-patch, delete, history.
 * A collection's resource extends this and adds its list endpoint with its own filters.
 */
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Malformed request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token's role or scope does not allow this", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public abstract class RecordResource<E extends RecordEntity, D extends RecordData> {
    private static final String IF_MATCH = "ETag of the version the change is based on, e.g. W/\"3\" (428 without it, 412 when stale)";

    @Inject
    Idempotency idempotency;
    @Context
    UriInfo uri;

    protected abstract RecordService<E, D> service();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "Create a record", description = "A retried POST with the same Idempotency-Key returns the first answer and creates nothing new.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name the new record")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named in errors", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RecordView<D>> create(
            @Parameter(description = "Client-chosen key that makes a retried POST safe (scoped to the caller)")
            @Size(max = Limits.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            D body) {
        if (body == null) {
            throw ProblemException.missingBody();
        }
        return idempotency.post(idempotencyKey, uri.getPath(), body, () -> created(service().create(body)),
                id -> created(service().get(id)));
    }

    private RestResponse<RecordView<D>> created(RecordView<D> view) {
        return ResponseBuilder.<RecordView<D>>created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .tag(etag(view)).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, API_READER, REGISTRY_ADMIN})
    @Operation(summary = "Read a record", description = "The ETag header carries the version to send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "404", description = "No such record in your scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RecordView<D>> get(@PathParam("id") UUID id) {
        return withEtag(service().get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "Replace a record", description = "Needs If-Match with the ETag read. A body equal to the stored record makes no new version.")
    @APIResponse(responseCode = "200", description = "The record as stored")
    @APIResponse(responseCode = "412", description = "The record changed since it was read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RecordView<D>> replace(@PathParam("id") UUID id, @Parameter(required = true, description = IF_MATCH) @Size(max = 20) @HeaderParam("If-Match") String ifMatch, D body) {
        if (body == null) {
            throw ProblemException.missingBody();
        }
        return withEtag(service().replace(id, ifMatch, body));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "Change some fields (JSON merge patch, RFC 7386)", description = "null removes a field. Needs If-Match.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "The record as stored")
    public RestResponse<RecordView<D>> patch(@PathParam("id") UUID id, @Parameter(required = true, description = IF_MATCH) @Size(max = 20) @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return withEtag(service().patch(id, ifMatch, patch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "Delete a record (soft)", description = "The record leaves lists and searches and keeps its history. Needs If-Match and a reason.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id, @Parameter(required = true, description = IF_MATCH) @Size(max = 20) @HeaderParam("If-Match") String ifMatch,
                           @Parameter(description = "Why the record is deleted (kept in its history)", required = true) @Size(max = Limits.DELETE_REASON) @QueryParam("reason") String reason) {
        service().delete(id, ifMatch, reason);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, API_READER, REGISTRY_ADMIN})
    @Operation(summary = "The versions of a record, newest first", description = "Who, when, which fields, via which request or submission; the newest "
            + Limits.HISTORY + " versions.")
    public Page<VersionView> history(@PathParam("id") UUID id) {
        return new Page<>(service().history(id), null);
    }

    private static jakarta.ws.rs.core.EntityTag etag(RecordView<?> view) {
        return jakarta.ws.rs.core.EntityTag.valueOf(ETags.of(view.version()));
    }

    private static <D> RestResponse<RecordView<D>> withEtag(RecordView<D> view) {
        return ResponseBuilder.ok(view).tag(etag(view)).build();
    }
}
