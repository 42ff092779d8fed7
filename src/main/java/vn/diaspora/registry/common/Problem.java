package vn.diaspora.registry.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details; {@code errors} names each bad field of the request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(example = "about:blank") String type,
        @Schema(example = "Unprocessable Content") String title,
        @Schema(example = "422") int status,
        @Schema(example = "The record has 2 invalid fields") String detail,
        @Schema(example = "/api/v1/persons") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "JSON path of the field, or the query/header parameter", example = "hometownCode") String field,
            @Schema(example = "unknown administrative unit of Bắc Giang or Bình Định") String message) {
    }
}
