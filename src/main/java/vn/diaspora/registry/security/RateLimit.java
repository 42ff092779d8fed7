package vn.diaspora.registry.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.diaspora.registry.common.ProblemMappers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per client (token subject and the client it was issued to) and minute, as a token bucket: bursts up to the limit,
 * refilled evenly. Over it: 429 with Retry-After. Buckets live in this replica's memory, so
 * behind N replicas a client gets up to N times the limit.
 */
public class RateLimit {
    private static final int MAX_CLIENTS = 100_000;
    private static final String BUCKET = RateLimit.class.getName();
    private static final Map<String, Bucket> BUCKETS = new ConcurrentHashMap<>();

    @Inject
    SecurityIdentity identity;
    @Inject
    Caller caller;

    @ConfigProperty(name = "registry.rate-limit.per-minute", defaultValue = "1200")
    int perMinute;

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        if (identity.isAnonymous() || perMinute <= 0) {
            return null;
        }
        if (BUCKETS.size() > MAX_CLIENTS) {
            BUCKETS.clear();
        }
        // sub, not the display name: two clients may share a preferred_username, never a subject at one issuer
        Bucket bucket = BUCKETS.computeIfAbsent(caller.subject() + " " + caller.client(), k -> new Bucket(perMinute));
        long waitSeconds = bucket.take(perMinute);
        request.setProperty(BUCKET, bucket);
        if (waitSeconds == 0) {
            return null;
        }
        Response problem = ProblemMappers.respond(429,
                "More than " + perMinute + " requests a minute from this client; retry after " + waitSeconds + " s",
                List.of(), request.getUriInfo());
        return Response.fromResponse(problem).header("Retry-After", waitSeconds).build();
    }

    /** RateLimit-* headers (IETF draft) on every answer to a limited client. */
    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(BUCKET) instanceof Bucket bucket) {
            int[] state = bucket.state(perMinute);
            response.getHeaders().putSingle("RateLimit-Limit", perMinute);
            response.getHeaders().putSingle("RateLimit-Remaining", state[0]);
            response.getHeaders().putSingle("RateLimit-Reset", state[1]);
        }
    }

    static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int capacity) {
            tokens = capacity;
        }

        /** 0 when a request may pass, else the seconds until one may. */
        synchronized long take(int perMinute) {
            long now = System.nanoTime();
            tokens = Math.min(perMinute, tokens + (now - last) / 60e9 * perMinute);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) * 60.0 / perMinute));
        }

        /** Whether a request could pass now (nothing is taken). */
        synchronized boolean available(int perMinute) {
            long now = System.nanoTime();
            tokens = Math.min(perMinute, tokens + (now - last) / 60e9 * perMinute);
            last = now;
            return tokens >= 1;
        }

        /** Whole requests left, and seconds until the bucket is full again. */
        synchronized int[] state(int perMinute) {
            return new int[]{(int) Math.floor(tokens), (int) Math.ceil((perMinute - tokens) * 60.0 / perMinute)};
        }
    }
}
