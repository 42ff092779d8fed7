package vn.diaspora.registry.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Problem;
import vn.diaspora.registry.common.ProblemException;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import static vn.diaspora.registry.security.Roles.API_READER;
import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;
import static vn.diaspora.registry.security.Roles.UNIT_OFFICER;

@Path("/api/v1/changes")
@Tag(name = "Change feed", description = "Every committed change of the records in your scope, once, in order, as CloudEvents 1.0")
public class ChangeFeedResource {
    static final String BATCH = "application/cloudevents-batch+json";
    static final String DESCRIPTION = "Every committed create, update, delete, erasure and merge of persons, associations, businesses and "
            + "contributions in your scope appears exactly once, in the order of their transactions, none skipped: an event is served "
            + "only when every transaction that began before it has ended. Each is a CloudEvent 1.0 (id, source, type such as "
            + "vn.diaspora.person.updated, subject = the record's id, time, sequence = the cursor after it) whose data is the record "
            + "as you may see it, with its version; a deletion or an erasure is a tombstone with the version only (a merge: with "
            + "mergedInto, the survivor), and an erasure removes the personal data from the person's earlier events too. Continue with nextCursor (also the Next-Cursor header); "
            + "with wait, the call answers as soon as a change commits, else after wait seconds with no events (a heartbeat: the "
            + "Feed-Heartbeat header, and nextCursor moved to the feed's head). A cursor older than the feed's retention is 410: "
            + "resynchronise from the lists, whose first page's Changes-Cursor header is where to continue. Reads are audited. "
            + "With Accept: " + BATCH + " the answer is the plain CloudEvents JSON batch (an array), the cursor in Next-Cursor.";

    @Inject
    ChangeFeed feed;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({API_READER, UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "The change feed, as a page of CloudEvents", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Events after the cursor; nextCursor continues", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedSchemas.Page.class),
            examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "an update and a merge", value = FeedSchemas.EXAMPLE)))
    @APIResponse(responseCode = "410", description = "The cursor is older than the feed's retention: resynchronise from the lists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @io.smallrye.common.annotation.Blocking  // the first read on a worker; a wait then holds none
    public CompletionStage<RestResponse<Page<ObjectNode>>> page(
            @Parameter(description = "nextCursor of the previous call, or a list's Changes-Cursor; none: from the oldest event kept")
            @Size(max = Limits.CURSOR) @QueryParam("after") String after,
            @Parameter(description = "At most this many events, 1 to " + ChangeFeed.MAX_LIMIT + " (default 100)")
            @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "" + ChangeFeed.MAX_LIMIT) @QueryParam("limit") String limit,
            @Parameter(description = "Only these types, comma-separated, e.g. vn.diaspora.person.updated,vn.diaspora.person.erased")
            @Size(max = 500) @QueryParam("types") String types,
            @Parameter(description = "Seconds to wait for a change when none is there yet, 0 to " + ChangeFeed.MAX_WAIT_SECONDS + " (default 0)")
            @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "" + ChangeFeed.MAX_WAIT_SECONDS) @QueryParam("wait") String wait) {
        return read(after, limit, types, wait).thenApply(batch -> RestResponse.ResponseBuilder.ok(new Page<>(batch.events(), batch.nextCursor()))
                .header("Next-Cursor", batch.nextCursor()).header("Feed-Heartbeat", Instant.now().toString()).build());
    }

    @GET
    @Produces(BATCH + ";qs=0.5")  // only when asked for by name: a client accepting anything gets the page
    @RolesAllowed({API_READER, UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(hidden = true)  // the same operation as page(), negotiated by Accept (described there)
    @io.smallrye.common.annotation.Blocking
    public CompletionStage<RestResponse<List<ObjectNode>>> batch(@Size(max = Limits.CURSOR) @QueryParam("after") String after,
                                                @QueryParam("limit") String limit, @Size(max = 500) @QueryParam("types") String types,
                                                @QueryParam("wait") String wait) {
        return read(after, limit, types, wait).thenApply(batch -> RestResponse.ResponseBuilder.ok(batch.events(), BATCH)
                .header("Next-Cursor", batch.nextCursor()).header("Feed-Heartbeat", Instant.now().toString()).build());
    }

    private CompletionStage<ChangeFeed.Batch> read(String after, String limit, String types, String wait) {
        Set<String> wanted = new LinkedHashSet<>();
        if (types != null) {
            Arrays.stream(types.split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(t -> wanted.add(ChangeFeed.qualified(t)));
        }
        return feed.read(after, number("limit", limit, 1, ChangeFeed.MAX_LIMIT, 100), wanted,
                number("wait", wait, 0, ChangeFeed.MAX_WAIT_SECONDS, 0));
    }

    private static int number(String name, String value, int min, int max, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ProblemException.badParameter(name, "a whole number from " + min + " to " + max);
    }
}
