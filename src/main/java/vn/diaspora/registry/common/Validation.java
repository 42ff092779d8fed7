package vn.diaspora.registry.common;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import vn.diaspora.registry.common.Problem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Bean Validation of request bodies, reported as field errors. */
@ApplicationScoped
public class Validation {
    @Inject
    Validator validator;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** A JSON body read by hand (where the media type may not be JSON), valid: 400 for bad JSON, 422 for bad fields, as anywhere. */
    public <T> T parse(String body, Class<T> type) {
        try {
            return valid(json.readValue(body, type));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.fromJson(e);
        }
    }

    /** The fields of {@code body} that break its annotations. */
    public List<FieldError> errors(Object body) {
        List<FieldError> errors = new ArrayList<>();
        validator.validate(body).forEach(v -> errors.add(new FieldError(fieldPath(v.getPropertyPath()), v.getMessage(),
                code(v.getConstraintDescriptor().getAnnotation()))));
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    /** {@code body} (null stays null) when it keeps its annotations; else 422 naming every broken field. */
    public <T> T valid(T body) {
        List<FieldError> errors = body == null ? List.of() : errors(body);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return body;
    }

    /** The code of a broken constraint, by its kind. */
    static ErrorCode code(java.lang.annotation.Annotation constraint) {
        return switch (constraint.annotationType().getSimpleName()) {
            case "NotNull", "NotBlank", "NotEmpty" -> ErrorCode.REQUIRED;
            case "Size" -> ErrorCode.TOO_LONG;
            case "Pattern", "Email" -> ErrorCode.FORMAT;
            case "Min", "Max", "DecimalMin", "DecimalMax", "Digits", "Positive", "PositiveOrZero" -> ErrorCode.OUT_OF_RANGE;
            case "PastOrPresent", "Past" -> ErrorCode.IN_THE_FUTURE;
            case "Name" -> ErrorCode.NAME_WITHOUT_LETTER;
            default -> ErrorCode.INVALID;
        };
    }

    /** A bean path ("contacts.email", "members[0].role"); for a resource-method parameter, its name. */
    static String fieldPath(Path path) {
        String name = null;
        String parameter = null;
        java.util.List<String> inside = new java.util.ArrayList<>();
        for (Path.Node node : path) {
            if (parameter != null && node.getName() != null) {
                inside.add(node.getName());  // a field of a parameter bean (a list's filters): its query parameter
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
            name = node.getName();
        }
        if (parameter != null) {
            return inside.isEmpty() ? parameter : String.join(".", inside);
        }
        return name == null ? "body" : path.toString();
    }

    static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static String typeName(Class<?> type) {
        if (type == UUID.class) return "UUID";
        if (type == LocalDate.class) return "date (YYYY-MM-DD)";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "number";
        return type.getSimpleName();
    }

    /** A UUID-valued query parameter; null stays null. */
    public static UUID uuid(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badParameter(field, "not a UUID");
        }
    }
}
