package vn.diaspora.registry.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.privacy.PrivacyViews.BreachInput;
import vn.diaspora.registry.privacy.PrivacyViews.BreachView;
import vn.diaspora.registry.privacy.PrivacyViews.Notice;
import vn.diaspora.registry.privacy.PrivacyViews.RequestInput;
import vn.diaspora.registry.privacy.PrivacyViews.RequestView;
import vn.diaspora.registry.privacy.PrivacyViews.Step;

import java.util.List;
import java.util.UUID;

import static vn.diaspora.registry.security.Roles.AUDITOR;
import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;

@Path("/api/v1/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Data subjects' requests with their legal clocks, and the breach register (Law 91/2025, Decree 356/2025)")
public class PrivacyResource {
    @Inject
    SubjectRequests requests;
    @Inject
    BreachRegister breaches;
    @Context
    UriInfo uri;

    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(REGISTRY_ADMIN)
    @Operation(summary = "Record a data subject's request (access, correction, deletion, restriction, objection, consent withdrawal)",
            description = "The answer carries its deadlines: acknowledge within 2 working days of receipt, complete within 15 days (30 once extended).")
    @APIResponse(responseCode = "201", description = "Recorded")
    public RestResponse<RequestView> recordRequest(RequestInput in) {
        RequestView view = requests.record(required(in));
        return RestResponse.ResponseBuilder.<RequestView>created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Path("/requests")
    @RolesAllowed({REGISTRY_ADMIN, AUDITOR})
    @Operation(summary = "Data subjects' requests, oldest first; overdue=true lists those past a deadline")
    public Page<RequestView> listRequests(@Parameter(description = "Only requests past a deadline") @Schema(type = SchemaType.BOOLEAN) @QueryParam("overdue") String overdue) {
        return new Page<>(requests.list(Boolean.TRUE.equals(Params.bool("overdue", overdue))), null);
    }

    @GET
    @Path("/requests/{id}")
    @RolesAllowed({REGISTRY_ADMIN, AUDITOR})
    @Operation(summary = "A data subject's request")
    public RequestView getRequest(@PathParam("id") UUID id) {
        return requests.get(id);
    }

    @POST
    @Path("/requests/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(REGISTRY_ADMIN)
    @Operation(summary = "The person was told the request is being handled (on: today when absent)")
    public RequestView acknowledge(@PathParam("id") UUID id, Step step) {
        return requests.acknowledge(id, step);
    }

    @POST
    @Path("/requests/{id}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(REGISTRY_ADMIN)
    @Operation(summary = "Extend the deadline once by 15 days (text: why, as told to the person)")
    public RequestView extend(@PathParam("id") UUID id, Step step) {
        return requests.extend(id, step);
    }

    @POST
    @Path("/requests/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(REGISTRY_ADMIN)
    @Operation(summary = "The request was answered (text: what was done)")
    public RequestView complete(@PathParam("id") UUID id, Step step) {
        return requests.complete(id, step);
    }

    @POST
    @Path("/breaches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(REGISTRY_ADMIN)
    @Operation(summary = "Record a personal-data breach; the answer carries the 72-hour notification deadline")
    @APIResponse(responseCode = "201", description = "Recorded")
    public RestResponse<BreachView> recordBreach(BreachInput in) {
        BreachView view = breaches.record(required(in));
        return RestResponse.ResponseBuilder.<BreachView>created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Path("/breaches")
    @RolesAllowed({REGISTRY_ADMIN, AUDITOR})
    @Operation(summary = "The breach register, newest first (every read is audited)")
    public Page<BreachView> listBreaches() {
        return new Page<>(breaches.list(), null);
    }

    @GET
    @Path("/breaches/{id}")
    @RolesAllowed({REGISTRY_ADMIN, AUDITOR})
    @Operation(summary = "A breach (audited)")
    public BreachView getBreach(@PathParam("id") UUID id) {
        return breaches.get(id);
    }

    @POST
    @Path("/breaches/{id}/notified")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(REGISTRY_ADMIN)
    @Operation(summary = "Record when and to whom the breach was notified")
    public BreachView notified(@PathParam("id") UUID id, Notice notice) {
        return breaches.notified(id, required(notice));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.missingBody();
        }
        return body;
    }
}
