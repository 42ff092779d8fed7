package vn.diaspora.registry.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query parameters shared by the lists, parsed into 400s that name the parameter. */
public final class Params {
    private Params() {
    }

    public static class Paging {
        @QueryParam("limit")
        @Parameter(description = "Page size, 1 to 500 (default 50)",
                schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "" + Page.MAX_LIMIT, defaultValue = "" + Page.DEFAULT_LIMIT))
        public String limit;
        @QueryParam("cursor")
        @Parameter(description = "nextCursor of the previous page", schema = @Schema(type = SchemaType.STRING, maxLength = Limits.CURSOR))
        public String cursor;
    }

    /** An enum-valued parameter, in any case (level=district); JAX-RS would answer a bad value with 404, this names it in a 400. */
    public static <T extends Enum<T>> T enumValue(String name, String value, Class<T> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badParameter(name, "must be true or false");
        };
    }

    public static java.time.LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "not a date (YYYY-MM-DD)");
        }
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                at = java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.badParameter(name, "not an ISO 8601 instant, e.g. 2026-01-31T00:00:00Z or 2026-01-31");
            }
        }
        if (at.isBefore(FIRST) || at.isAfter(LAST)) {  // PostgreSQL's timestamps end well before Java's
            throw ProblemException.badParameter(name, "an instant from 1000-01-01 to 9999-12-31");
        }
        return at;
    }

    private static final Instant FIRST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    /** {@code at} when it is not in the future (figures as known at a later instant would change as it comes). */
    public static Instant past(String name, Instant at) {
        if (at != null && at.isAfter(Instant.now())) {
            throw ProblemException.badParameter(name, "must not be in the future: what is not yet written cannot be counted");
        }
        return at;
    }

    /** A year written YYYY (required). */
    public static int year(String name, String value) {
        if (value == null || !value.strip().matches("\\d{4}")) {
            throw ProblemException.badParameter(name, "required: a year written YYYY, e.g. 2025");
        }
        return Integer.parseInt(value.strip());
    }
}
