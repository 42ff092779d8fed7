package vn.diaspora.registry.feed;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.Limits;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The change feed's shapes as the OpenAPI document (and the clients generated from it) describe them; the feed writes them as JSON trees. */
final class FeedSchemas {
    private FeedSchemas() {
    }

    static final String EXAMPLE = """
            {"items": [{"specversion": "1.0", "id": "48213-7", "source": "/diaspora-registry/persons",
              "type": "vn.diaspora.person.updated", "subject": "0193a4f2-6a1e-7c3b-9d2e-5f8a1b2c3d4e",
              "time": "2026-11-27T03:15:42.120Z", "sequence": "NDgyMTM6Nw", "datacontenttype": "application/json",
              "data": {"version": 3, "fullName": "Nguyễn Thị Hương", "hometownCode": "07201", "reportingUnit": "213",
                       "country": "JP", "city": "Osaka", "residenceStatus": "PERMANENT_RESIDENT", "status": "ACTIVE"}},
             {"specversion": "1.0", "id": "48215-1", "source": "/diaspora-registry/persons",
              "type": "vn.diaspora.person.merged", "subject": "0193a4f2-8b77-7e01-a2f0-61c9d0e4b7aa",
              "time": "2026-11-27T03:16:05.004Z", "sequence": "NDgyMTU6MQ",
              "data": {"version": 2, "mergedInto": "0193a4f2-6a1e-7c3b-9d2e-5f8a1b2c3d4e"}}],
             "nextCursor": "NDgyMTU6MQ"}""";

    @Schema(name = "CloudEvent", description = "A committed change of a record (CloudEvents 1.0, JSON)")
    record Event(@Schema(enumeration = "1.0") String specversion,
                 @Schema(maxLength = 60, description = "Unique in the feed", example = "48213-7") String id,
                 @Schema(maxLength = 60, example = "/diaspora-registry/persons") String source,
                 @Schema(maxLength = 60, description = "vn.diaspora.{person,association,business,contribution}.{created,updated,deleted,erased,merged}",
                         example = "vn.diaspora.person.updated") String type,
                 @Schema(description = "The record's id") UUID subject,
                 Instant time,
                 @Schema(maxLength = Limits.CURSOR, description = "The feed cursor after this event: continue from it with after=") String sequence,
                 @Schema(enumeration = "application/json", description = "Present when data holds the record") String datacontenttype,
                 @Schema(type = SchemaType.OBJECT, description = "The record as you may see it, with its version; a deletion or an erasure: "
                         + "the version only; a merge: the version and mergedInto, the survivor (when you may read it)") Map<String, Object> data) {
    }

    @Schema(name = "ChangePage", description = "Events after the cursor, and the cursor to continue from")
    record Page(@Schema(maxItems = ChangeFeed.MAX_LIMIT) List<Event> items,
                @Schema(maxLength = Limits.CURSOR, description = "after= of the next call; at the feed's head when no event is left") String nextCursor) {
    }
}
