package vn.diaspora.registry.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * Forms are the portal's: the API takes JSON or a file. A form body (not an empty one) sent to the API is refused
 * with 415 before anything reads it (the form parser would otherwise read, and fail on, a
 * multipart body no operation wants).
 */
public class FormBodies {
    @ServerRequestFilter(preMatching = true)
    public Response refuseOutsideThePortal(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE) || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        // an empty one is no form: what curl -d '' and many clients send with a POST that has no body
        if (form && request.getLength() != 0 && request.getUriInfo().getRequestUri().getRawPath().startsWith("/api/")) {
            return ProblemMappers.respond(415, "The API takes JSON, or a file where it uploads one; forms are the portal's",
                    List.of(new Problem.FieldError("Content-Type", "application/json, or the file's own type (text/csv, XLSX) for an upload",
                            ErrorCode.FORMAT)), request.getUriInfo());
        }
        return null;
    }
}
