package vn.diaspora.registry.duplicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.Problem;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.security.Caller;

import java.util.UUID;

import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;

@Path("/api/v1/duplicates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({PROVINCE_OFFICER, REGISTRY_ADMIN})
@Tag(name = "Duplicates", description = "Pairs of persons that are probably one: the province's review queue, merge, not a duplicate")
@APIResponse(responseCode = "404", description = "No such pair among those you may decide",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DuplicateResource {
    @Inject
    DuplicateReview review;
    @Inject
    DuplicateScan scans;
    @Inject
    Caller caller;
    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The review queue: pairs you may decide, most likely first",
            description = "A province officer sees the pairs of the province; found nightly and by a scan on demand.")
    @APIResponse(responseCode = "200", description = "The pairs, a page")
    public Page<DuplicateReview.Pair> list(
            @Parameter(description = "OPEN (default), MERGED or NOT_DUPLICATE") @Schema(implementation = DuplicateReview.Status.class, type = SchemaType.STRING) @QueryParam("status") String status,
            @Parameter(description = "Only this province's pairs (24 or 52)") @Size(max = 2) @QueryParam("province") String province,
            @Parameter(description = "Only the pairs of this person") @QueryParam("person") UUID person,
            @BeanParam Params.Paging paging) {
        DuplicateReview.Status wanted = status == null ? DuplicateReview.Status.OPEN : Params.enumValue("status", status, DuplicateReview.Status.class);
        return review.list(wanted, province, person, paging.limit, paging.cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A pair, with both persons side by side")
    @APIResponse(responseCode = "200", description = "The pair, both persons side by side")
    public DuplicateReview.Pair get(@PathParam("id") UUID id) {
        return review.get(id);
    }

    @POST
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge the pair into one person", description = "The survivor keeps its fields except those listed in fromOther, "
            + "which it takes from the other person; associations, businesses and contributions that named the other now name the "
            + "survivor (a new version each); the other becomes a tombstone: GET answers 308 to the survivor. Both histories stay; "
            + "the change feed shows vn.diaspora.person.merged. The same request again answers the same.")
    @APIResponse(responseCode = "200", description = "Merged; the pair as decided")
    @APIResponse(responseCode = "409", description = "The pair was decided otherwise", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "A person changed since the version you decided on", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field of the request is wrong, or the merged person would be", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DuplicateReview.Pair merge(@PathParam("id") UUID id, @Valid DuplicateReview.MergeRequest request) {
        return review.merge(id, request);
    }

    @POST
    @Path("/{id}/not-duplicate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark the pair as not a duplicate", description = "Remembered: the scan never brings the pair back.")
    @APIResponse(responseCode = "200", description = "The pair as decided")
    @APIResponse(responseCode = "409", description = "The pair was merged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DuplicateReview.Pair dismiss(@PathParam("id") UUID id, DuplicateReview.Dismissal dismissal) {
        return review.dismiss(id, dismissal);
    }

    @POST
    @Path("/scans")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Scan for duplicates now", description = "Runs in the background (the nightly scan runs the same); a province "
            + "officer scans the province. Follow Location for its state.")
    @APIResponse(responseCode = "202", description = "Started")
    @APIResponse(responseCode = "409", description = "A scan is running", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<DuplicateScan.View> scan(ScanRequest request) {
        String province = request == null ? null : request.provinceCode();
        if (!caller.is(REGISTRY_ADMIN)) {
            if (province != null && !province.equals(caller.province())) {
                throw ProblemException.forbidden("You may scan only your province, " + caller.province());
            }
            province = caller.province();
        }
        DuplicateScan.View started = scans.start(caller.subject(), province);
        return RestResponse.ResponseBuilder.<DuplicateScan.View>create(RestResponse.Status.ACCEPTED).entity(started)
                .location(uri.getBaseUriBuilder().path("/api/v1/duplicates/scans/" + started.id()).build()).build();
    }

    @Schema(name = "ScanRequest")
    public record ScanRequest(@Schema(maxLength = 2, description = "The province to scan (a registry admin may leave it out: all)") String provinceCode) {
    }

    @GET
    @Path("/scans/{id}")
    @Operation(summary = "A scan's state: running, done (how many persons, how many pairs) or failed")
    @APIResponse(responseCode = "200", description = "The scan's state")
    public DuplicateScan.View scanState(@PathParam("id") UUID id) {
        DuplicateScan.View scan = scans.view(id);
        if (!caller.is(REGISTRY_ADMIN) && (scan.provinceCode() == null || !scan.provinceCode().equals(caller.province()))) {
            throw ProblemException.notFound("Duplicate scan " + id);  // another province's scan is as unknown as a missing one
        }
        return scan;
    }
}
