package vn.diaspora.registry.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import vn.diaspora.registry.common.Problem.FieldError;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why the registry refuses a request, in its own terms (not found, conflict, stale, ...), with
 * the fields at fault; thrown by services. {@link ProblemMappers} alone turns a reason into an
 * HTTP status and the refusal into problem+json.
 */
public class ProblemException extends RuntimeException {
    public enum Reason {
        /** The request is not well formed: a parameter, a header or the body's syntax. */
        MALFORMED,
        /** The caller may not do this to the record (while it may see it). */
        FORBIDDEN,
        /** No such thing in the caller's scope: unknown and out-of-scope alike. */
        NOT_FOUND,
        /** It lives on elsewhere for good (a record merged into another): the location names where. */
        MOVED,
        /** It was there and is no longer kept (a change feed cursor past retention). */
        GONE,
        /** The request conflicts with the thing's state (a workflow step, a second one of a kind). */
        CONFLICT,
        /** The write was based on a version that is no longer current. */
        STALE,
        /** A write that must name the version it was based on does not. */
        VERSION_REQUIRED,
        /** More than the registry reads: a body, a workbook's inflation. */
        TOO_LARGE,
        /** The content is understood but breaks the rules: field errors. */
        INVALID,
        /** The service is busy with the caller's other work; retry after a while. */
        BUSY
    }

    private final Reason reason;
    private final List<FieldError> errors;
    private Integer retryAfter;

    public ProblemException(Reason reason, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Reason.INVALID, errors.size() == 1 ? "The request has an invalid field"
                : "The request has " + errors.size() + " invalid fields", errors);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Reason.FORBIDDEN, detail, List.of());
    }

    public static ProblemException conflict(String detail, List<FieldError> errors) {
        return new ProblemException(Reason.CONFLICT, detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException badParameter(String field, String message) {
        return new ProblemException(Reason.MALFORMED, "Invalid parameter '" + field + "'", List.of(new FieldError(field, message, ErrorCode.BAD_PARAMETER)));
    }

    /** 410: what the parameter points at is no longer kept (past a retention). */
    public static ProblemException gone(String detail, String field, String message) {
        return new ProblemException(Reason.GONE, detail, List.of(new FieldError(field, message)));
    }

    public static ProblemException missingBody() {
        return new ProblemException(Reason.MALFORMED, "A JSON body is required", List.of(new FieldError("body", "required")));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Reason.NOT_FOUND, what + " not found", List.of());
    }

    /** A body that is not JSON, or JSON that does not fit the schema: 400 naming the field. */
    public static ProblemException fromJson(JsonProcessingException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ProblemException refused) {
                return refused; // a refusal raised while the body was read (BodyLimit), wrapped by Jackson
            }
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String message;
            ErrorCode code = ErrorCode.WRONG_TYPE;
            if (e instanceof UnrecognizedPropertyException) {
                message = "unknown field";
                code = ErrorCode.UNKNOWN_FIELD;
            } else if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
                message = f.getOriginalMessage(); // JsonText: the value itself is not repeated
                code = ErrorCode.UNSTORABLE_TEXT;
            } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
                message = "must be one of " + Arrays.stream(f.getTargetType().getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
                code = ErrorCode.NOT_IN_LIST;
            } else if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
                message = "not a valid " + Validation.typeName(f.getTargetType()) + ": " + f.getValue();
            } else {
                message = "wrong type or format";
            }
            return new ProblemException(Reason.MALFORMED, "The request body does not match the schema",
                    List.of(new FieldError(Validation.jsonPath(m.getPath()), message, code)));
        }
        return new ProblemException(Reason.MALFORMED, "The request body is not valid JSON",
                List.of(new FieldError("body", e.getOriginalMessage())));
    }

    /** The record lives on at {@code path} (the API path, sent as Location). */
    public static ProblemException moved(String detail, String path) {
        ProblemException e = new ProblemException(Reason.MOVED, detail, List.of());
        e.location = path;
        return e;
    }

    private String location;

    public String location() {
        return location;
    }

    /** Seconds after which a retry may succeed (sent as Retry-After). */
    public ProblemException retryAfter(int seconds) {
        this.retryAfter = seconds;
        return this;
    }

    public Integer retryAfter() {
        return retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
