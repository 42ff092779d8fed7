package vn.diaspora.registry.feed;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Problem;

import java.util.UUID;

import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(REGISTRY_ADMIN)
@Tag(name = "Webhooks", description = "Push of the change feed's events to other systems (registry admin)")
@APIResponse(responseCode = "404", description = "No such webhook", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class WebhookResource {
    static final String DELIVERY = "Each event is posted as a CloudEvent (type, subject = the record's id, sequence = the feed cursor after it, "
            + "data.version) without personal data: read the record, or the feed from the cursor, with the client's own token. "
            + "Headers follow Standard Webhooks: webhook-id (the same on every attempt: deduplicate on it), webhook-timestamp and "
            + "webhook-signature = v1,base64(HMAC-SHA256(key, id.timestamp.body)), the key being the base64 after whsec_ in the "
            + "secret. Any 2xx is delivered; otherwise retried with exponential backoff for up to 24 hours, then a dead letter. "
            + "Delivery is at least once and not in order: the feed gives the order. Targets must be https and public.";

    @Inject
    Webhooks webhooks;
    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a client's URL to the change feed's events (from now on)", description = DELIVERY)
    @APIResponse(responseCode = "201", description = "Subscribed; the answer carries the secret, the only time it is shown")
    @APIResponse(responseCode = "422", description = "A field is wrong: a URL that is not https or points to a private address, an unknown type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<Webhooks.View> subscribe(@Valid @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "lgsp", summary = "The provincial integration platform, persons of Bắc Giang",
            value = "{\"clientId\": \"provincial-system\", \"url\": \"https://lgsp.bacninh.gov.vn/hooks/diaspora\", \"types\": [\"vn.diaspora.person\"], \"provinceCode\": \"24\"}")))
                                           Webhooks.Request request) {
        Webhooks.View created = webhooks.subscribe(request);
        return RestResponse.ResponseBuilder.<Webhooks.View>created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Operation(summary = "The webhook subscriptions, with their pending and dead deliveries")
    @APIResponse(responseCode = "200", description = "The subscriptions")
    public Page<Webhooks.View> list() {
        return new Page<>(webhooks.list(), null);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A webhook subscription")
    @APIResponse(responseCode = "200", description = "The subscription, its pending and dead deliveries")
    public Webhooks.View get(@PathParam("id") UUID id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe (its deliveries go with it)")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    public Response unsubscribe(@PathParam("id") UUID id) {
        webhooks.unsubscribe(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/dead-letters")
    @Operation(summary = "The deliveries given up after 24 hours of retries, oldest first")
    @APIResponse(responseCode = "200", description = "The dead letters, newest first")
    public Page<Webhooks.Delivery> deadLetters(@PathParam("id") UUID id) {
        return new Page<>(webhooks.deadLetters(id), null);
    }

    @POST
    @Path("/{id}/dead-letters/replay")
    @Operation(summary = "Deliver every dead letter again, as new")
    @APIResponse(responseCode = "202", description = "Back in line; the answer says how many")
    public RestResponse<Replayed> replayAll(@PathParam("id") UUID id) {
        return RestResponse.accepted(new Replayed(webhooks.replay(id, null)));
    }

    @POST
    @Path("/{id}/dead-letters/{delivery}/replay")
    @Operation(summary = "Deliver one dead letter again, as new")
    @APIResponse(responseCode = "202", description = "Back in line")
    public RestResponse<Replayed> replay(@PathParam("id") UUID id, @PathParam("delivery") UUID delivery) {
        return RestResponse.accepted(new Replayed(webhooks.replay(id, delivery)));
    }

    @Schema(name = "Replayed")
    public record Replayed(@Schema(format = "int32", description = "Dead letters put back in line") int replayed) {
    }
}
