package vn.diaspora.registry.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response.Status;
import vn.diaspora.registry.common.Problem.FieldError;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A client error to be answered as problem+json; thrown by services, mapped at the edge. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final List<FieldError> errors;
    private Integer retryAfter;

    public ProblemException(int status, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(Status status, String detail) {
        this(status.getStatusCode(), detail, List.of());
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(422, errors.size() == 1 ? "The request has an invalid field"
                : "The request has " + errors.size() + " invalid fields", errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException badParameter(String field, String message) {
        return new ProblemException(400, "Invalid parameter '" + field + "'", List.of(new FieldError(field, message)));
    }

    public static ProblemException missingBody() {
        return new ProblemException(400, "A JSON body is required", List.of(new FieldError("body", "required")));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Status.NOT_FOUND, what + " not found");
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
            return new ProblemException(400, "The request body does not match the schema",
                    List.of(new FieldError(Validation.jsonPath(m.getPath()), message, code)));
        }
        return new ProblemException(400, "The request body is not valid JSON",
                List.of(new FieldError("body", e.getOriginalMessage())));
    }

    /** Seconds after which a retry may succeed (sent as Retry-After). */
    public ProblemException retryAfter(int seconds) {
        this.retryAfter = seconds;
        return this;
    }

    public Integer retryAfter() {
        return retryAfter;
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
