package vn.diaspora.registry.record;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.Identified;
import vn.diaspora.registry.common.Limits;

import java.time.Instant;
import java.util.UUID;

/** A record as clients see it: its data plus the read-only bookkeeping fields. */
public record RecordView<D>(
        @Schema(readOnly = true) UUID id,
        @Schema(readOnly = true, description = "Version of the record; the ETag is W/\"version\"") int version,
        @JsonUnwrapped D data,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true, maxLength = Limits.ACTOR) String createdBy,
        @Schema(readOnly = true) Instant updatedAt,
        @Schema(readOnly = true, maxLength = Limits.ACTOR) String updatedBy) implements Identified {
}
