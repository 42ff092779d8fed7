package vn.diaspora.registry.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/** Query parameters and path segments pass {@link Text#problem} before anything reads them (a %00 is a 400 naming it). */
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
        String problem = Text.problem(request.getUriInfo().getPath());
        return problem == null ? null : refuse(request, "path", problem);
    }

    private static Response refuse(ContainerRequestContext request, String field, String problem) {
        return ProblemMappers.respond(400, "Invalid parameter '" + field + "'", List.of(new Problem.FieldError(field, problem)),
                request.getUriInfo());
    }
}
