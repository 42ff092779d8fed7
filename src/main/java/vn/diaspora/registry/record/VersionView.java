package vn.diaspora.registry.record;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.Limits;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of a record in its history. */
@Schema(name = "RecordVersion", description = "A version of a record; a history lists the newest " + Limits.HISTORY + " versions")
public record VersionView(
        int version,
        @Schema(enumeration = {"CREATE", "UPDATE", "DELETE"}) String action,
        @Schema(description = "Subject of the token that made the change", maxLength = Limits.ACTOR) String actor,
        Instant at,
        @Schema(description = "Fields changed from the previous version", maxItems = 100) List<@Size(max = 100) String> changedFields,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, description = "The record's data as of this version") JsonNode snapshot,
        @Schema(description = "X-Request-Id of the request that made the change", maxLength = Limits.REQUEST_ID) String requestId,
        @Schema(description = "Quarterly submission that made the change, if any") UUID submissionId,
        @Schema(description = "Reason given for a delete", maxLength = Limits.REASON) String reason) {
}
