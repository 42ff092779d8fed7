package vn.diaspora.registry.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Query parameters and path segments pass {@link Text#problem} before anything reads them (a %00
 * is a 400 naming it); query values are then cleaned as stored text is.
 */
public class RequestText {
    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            String problem = Text.problem(name);
            for (String value : parameter.getValue()) {
                problem = problem != null ? problem : Text.problem(value);
            }
            if (problem != null) {
                return refuse(request, Text.problem(name) == null ? name : "query", problem);
            }
        }
        String problem;
        try {
            problem = Text.problem(request.getUriInfo().getPath());
        } catch (IllegalArgumentException undecodable) {
            problem = "a %-escape that is not UTF-8 text";
        }
        if (problem != null) {
            return refuse(request, "path", problem);
        }
        clean(request);
        return null;
    }

    /**
     * Each query value as stored names are cleaned (Text.clean), so that an invisible character in
     * a word or a code finds what the word or code finds. Only a query with a percent-escape can
     * hold one; the others are left as sent.
     */
    private static void clean(ContainerRequestContext request) {
        java.net.URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawQuery();
        if (raw == null || raw.indexOf('%') < 0) {
            return;
        }
        StringBuilder query = new StringBuilder();
        boolean changed = false;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String value = java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                String clean = Text.clean(value);
                if (clean != null && !clean.equals(value)) {
                    pair = pair.substring(0, eq + 1) + java.net.URLEncoder.encode(clean, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
                    changed = true;
                }
            }
            query.append(query.isEmpty() ? "" : "&").append(pair);
        }
        if (changed) {
            String whole = uri.toString();
            request.setRequestUri(java.net.URI.create(whole.substring(0, whole.indexOf('?') + 1) + query));
        }
    }

    private static Response refuse(ContainerRequestContext request, String field, String problem) {
        return ProblemMappers.respond(400, "Invalid parameter '" + field + "'", List.of(new Problem.FieldError(field, problem)),
                request.getUriInfo());
    }
}
