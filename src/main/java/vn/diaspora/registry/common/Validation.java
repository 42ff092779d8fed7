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

/** One validation pass per write: Bean Validation of the body plus the service's own rules, reported together. */
@ApplicationScoped
public class Validation {
    @Inject
    Validator validator;

    /** Throws 422 naming every bad field, declared (annotations) or found by the caller ({@code extra}). */
    public void check(Object body, List<FieldError> extra) {
        List<FieldError> errors = new ArrayList<>(extra);
        validator.validate(body).forEach(v -> errors.add(new FieldError(fieldPath(v.getPropertyPath()), v.getMessage())));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw ProblemException.invalid(errors);
        }
    }

    /** A bean path ("contacts.email", "members[0].role"); for a resource-method parameter, its name. */
    static String fieldPath(Path path) {
        String name = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return node.getName();
            }
            name = node.getName();
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
