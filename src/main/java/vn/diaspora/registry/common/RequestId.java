package vn.diaspora.registry.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;

/**
 * The id that ties a request to the versions it wrote and to its log lines: the client's
 * X-Request-Id when it sent a sane one, else a new UUID; echoed in the response, and in the
 * logging context (MDC "requestId") of everything the request runs.
 */
@RequestScoped
public class RequestId {
    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private String value;

    public String value() {
        if (value == null) {
            value = UUID.randomUUID().toString();
        }
        return value;
    }

    /** The client's id when it is a sane one, else a new one (a method: a field of the request-scoped proxy is not the request's). */
    String take(String sent) {
        if (sent != null && sent.matches("[A-Za-z0-9._:-]{1,128}")) {
            value = sent;
        }
        return value();
    }

    public static class Filters {
        @Inject
        RequestId requestId;

        @ServerRequestFilter(preMatching = true)
        public void read(ContainerRequestContext request) {
            String sent = request.getHeaderString(HEADER);
            MDC.put(MDC_KEY, requestId.take(sent));
        }

        @ServerResponseFilter
        public void echo(ContainerResponseContext response) {
            response.getHeaders().putSingle(HEADER, requestId.value());
        }
    }
}
