package vn.diaspora.registry.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details; {@code errors} names each bad field of the request. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(example = "about:blank", maxLength = 200) String type,
        @Schema(example = "Unprocessable Content", maxLength = 100) String title,
        @Schema(example = "422", minimum = "400", maximum = "599") int status,
        @Schema(example = "The record has 2 invalid fields", maxLength = Limits.TEXT) String detail,
        @Schema(example = "/api/v1/persons", maxLength = Limits.REQUEST_LINE) String instance,
        @Schema(maxItems = Problem.MAX_ERRORS, description = "The first " + Problem.MAX_ERRORS + " field errors") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final int MAX_ERRORS = 100;

    public Problem {
        detail = Text.truncate(detail, Limits.TEXT);
        errors = errors == null || errors.size() <= MAX_ERRORS ? errors : List.copyOf(errors.subList(0, MAX_ERRORS));
    }

    @Schema(name = "FieldError")
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = {"messageVi", "messageEn"}, allowGetters = true)
    public record FieldError(
            @Schema(description = "JSON path of the field, or the query/header parameter", example = "hometownCode", maxLength = FieldError.MAX_FIELD) String field,
            @Schema(example = "'99999' is not a district or commune of Bắc Giang (24) or Bình Định (52)", maxLength = Limits.REASON) String message,
            @Schema(description = "Stable code of the error, e.g. HOMETOWN_UNKNOWN; INVALID where no more precise one applies") ErrorCode code) {
        static final int MAX_FIELD = 300;

        public FieldError {
            code = code == null ? ErrorCode.INVALID : code;  // every error has a code, and so its texts in both languages
            field = Text.truncate(field, MAX_FIELD);
            message = Text.truncate(message, Limits.REASON);
        }

        public FieldError(String field, String message) {
            this(field, message, null);
        }

        /** What the error's code says, in Vietnamese: the words an official reads. */
        @Schema(description = "The text of the code in Vietnamese, for officials", readOnly = true, maxLength = Limits.REASON)
        public String getMessageVi() {
            return code.vietnamese();
        }

        /** What the error's code says, in English; {@code message} adds the specifics. */
        @Schema(description = "The text of the code in English; message gives the specifics", readOnly = true, maxLength = Limits.REASON)
        public String getMessageEn() {
            return code.english();
        }

        /** The same error of another field (a row's data.x, a list's [3].x). */
        public FieldError at(String otherField) {
            return new FieldError(otherField, message, code);
        }
    }
}
