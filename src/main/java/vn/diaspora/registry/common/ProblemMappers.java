package vn.diaspora.registry.common;

import io.vertx.ext.web.RoutingContext;
import io.vertx.core.json.Json;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.diaspora.registry.common.Problem.FieldError;

import java.util.List;

/**
 * Every error leaves as application/problem+json. Client mistakes name the field; anything
 * unexpected is logged with its request id and answered without internals.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response answer = respond(status(e.reason()), e.getMessage(), e.errors(), uri);
        if (e.location() != null) {
            answer = Response.fromResponse(answer).location(uri.getBaseUriBuilder().path(e.location()).build()).build();
        }
        return e.retryAfter() == null ? answer : Response.fromResponse(answer).header("Retry-After", e.retryAfter()).build();
    }

    /** The one place where the registry's reasons for refusing become HTTP statuses. */
    public static int status(ProblemException.Reason reason) {
        return switch (reason) {
            case MOVED -> 308;
            case MALFORMED -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case GONE -> 410;
            case CONFLICT -> 409;
            case STALE -> 412;
            case TOO_LARGE -> 413;
            case INVALID -> 422;
            case VERSION_REQUIRED -> 428;
            case BUSY -> 429;
        };
    }

    /** The WWW-Authenticate header of a 401 (RFC 6750), wherever the 401 is answered. */
    public static final String CHALLENGE = "Bearer realm=\"diaspora-registry\"";
    public static final String UNAUTHORIZED = "A valid bearer token is required";
    public static final String FORBIDDEN = "Your token's roles or scope do not allow this";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return challenge(uri);
    }

    /** 401 with the bearer challenge (RFC 6750). */
    private static Response challenge(UriInfo uri) {
        return Response.fromResponse(respond(401, UNAUTHORIZED, List.of(), uri)).header("WWW-Authenticate", CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, FORBIDDEN, List.of(), uri);
    }

    /** A database refusal that a concurrent request or odd text can cause: a 4xx, not a failure of the service. */
    private static Response fromDatabase(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "23505", "40001", "40P01":
                        return respond(409, "The request conflicts with a concurrent change; retry it", List.of(), uri);
                    case "22021", "22P05", "54000":
                        return respond(400, "The request holds text the registry cannot store", List.of(), uri);
                    default:
                        return null;
                }
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(Validation.fieldPath(v.getPropertyPath()), v.getMessage(), Validation.code(v.getConstraintDescriptor().getAnnotation())))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return respond(400, "Invalid parameters", errors, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(ProblemException.fromJson(e), uri);
    }

    // Quarkus REST has its own mappers for these subtypes; the most specific mapper wins.
    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Request %s failed", path(uri));
            return respond(status, "The service could not complete the request", List.of(), uri);
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException j) {
            return json(j, uri);
        }
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 406 -> "Cannot produce the requested media type";
            case 413 -> "The request body is too large (limit 1 MiB)";
            case 415 -> "Unsupported media type";
            default -> e.getMessage();
        };
        return respond(status, detail, List.of(), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException w) {
            return web(w, uri);
        }
        Response refused = fromDatabase(e, uri);
        if (refused != null) {
            LOG.warnf("Database refused a request on %s: %s", path(uri), e.getClass().getSimpleName());
            return refused;
        }
        if (cutForm(e)) {
            return respond(400, "The request body is not a readable form", List.of(new FieldError("body",
                    "a multipart/form-data or form body that ends before its last part, or a form value with a bad %-escape", ErrorCode.FORMAT)), uri);
        }
        LOG.errorf(e, "Unexpected failure on %s", path(uri));
        return respond(500, "The service could not complete the request", List.of(), uri);
    }

    /**
     * The request's path for a problem's instance and the logs, as sent (its percent-escapes kept):
     * decoding may be what failed (a path with %zz).
     */
    public static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** The form parser's failure on a body cut short or malformed (it reads every form body before a resource method runs). */
    private static boolean cutForm(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if ((t instanceof java.io.IOException || t instanceof IllegalArgumentException) && java.util.Arrays.stream(t.getStackTrace())
                    .anyMatch(f -> f.getClassName().contains("FormBodyHandler") || f.getClassName().contains("Multipart")
                            || f.getClassName().contains("FormData") || f.getClassName().contains("FormEncodedData"))) {
                return true;
            }
        }
        return false;
    }

    public static Response respond(int status, String detail, List<FieldError> errors, UriInfo uri) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title(status), status, detail, uri == null ? null : path(uri), errors))
                .build();
    }

    /** A problem answer written straight to Vert.x, for refusals made before a resource is matched; the status is already set. */
    public static void write(RoutingContext ctx, int status, String detail) {
        Problem problem = new Problem("about:blank", title(status), status, detail, ctx.normalizedPath(), List.of());
        ctx.response().putHeader("Content-Type", Problem.MEDIA_TYPE).end(Json.encode(problem));
    }

    private static String title(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s != null ? s.getReasonPhrase()
                : switch (status) {
                    case 422 -> "Unprocessable Content";
                    case 428 -> "Precondition Required";
                    case 429 -> "Too Many Requests";
                    default -> "Error";
                };
    }
}
