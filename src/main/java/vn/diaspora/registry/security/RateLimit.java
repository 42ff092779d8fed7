package vn.diaspora.registry.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.diaspora.registry.common.ProblemMappers;

import java.util.List;

/**
 * Requests per client (token subject and the client it was issued to) and minute, as a token
 * bucket: bursts up to the limit, refilled evenly. Over it: 429 with Retry-After. The buckets are
 * shared by the replicas through Redis (ClientBuckets), so the limit holds behind a balancer.
 */
public class RateLimit {
    private static final String TAKEN = RateLimit.class.getName();

    @Inject
    SecurityIdentity identity;
    @Inject
    Caller caller;
    @Inject
    ClientBuckets buckets;

    @ConfigProperty(name = "registry.rate-limit.per-minute", defaultValue = "1200")
    int perMinute;

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        if (identity.isAnonymous() || perMinute <= 0) {
            return Uni.createFrom().nullItem();
        }
        // sub, not the display name: two clients may share a preferred_username, never a subject at one issuer
        return buckets.take(caller.subject() + " " + caller.client(), perMinute).map(taken -> {
            request.setProperty(TAKEN, taken);
            if (taken.passed()) {
                return null;
            }
            long wait = taken.waitSeconds();
            Response problem = ProblemMappers.respond(429,
                    "More than " + perMinute + " requests a minute from this client; retry after " + wait + " s",
                    List.of(), request.getUriInfo());
            return Response.fromResponse(problem).header("Retry-After", wait).build();
        });
    }

    /** RateLimit-* headers (IETF draft) on every answer to a limited client. */
    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(TAKEN) instanceof TokenBucket.Taken taken) {
            response.getHeaders().putSingle("RateLimit-Limit", perMinute);
            response.getHeaders().putSingle("RateLimit-Remaining", taken.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", taken.resetSeconds());
        }
    }
}
