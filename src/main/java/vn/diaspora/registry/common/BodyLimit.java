package vn.diaspora.registry.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * JSON bodies are at most 1 MiB; only file uploads may be larger (up to the HTTP limit,
 * quarkus.http.limits.max-body-size, 16 MiB), and those are streamed.
 */
public class BodyLimit {
    static final long JSON_LIMIT = 1 << 20;
    /** quarkus.http.limits.max-body-size */
    static final int UPLOAD_BYTES = 16 << 20;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().endsWith("/upload")) {
            return null;
        }
        if (request.getLength() > JSON_LIMIT) {
            return ProblemMappers.respond(413, "The request body is too large (limit 1 MiB)",
                    List.of(new Problem.FieldError("body", "at most 1 MiB")), request.getUriInfo());
        }
        return null;
    }
}
