package vn.diaspora.registry.security;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diaspora.registry.common.ProblemMappers;


/**
 * Refused tokens per source address and minute. Each one costs an RSA verification, and the
 * per-client limit (RateLimit) cannot count them, having no client to count; past the limit an
 * address's bearer requests are answered 429 before any verification. Behind a proxy, set
 * quarkus.http.proxy.proxy-address-forwarding so that the address is the caller's.
 */
@ApplicationScoped
public class InvalidTokenLimit {
    private final TokenBucket.Keyed buckets = new TokenBucket.Keyed();

    @ConfigProperty(name = "registry.rate-limit.invalid-tokens-per-minute", defaultValue = "60")
    int perMinute;

    void install(@Observes Router router) {
        // before authentication (Quarkus installs it as a filter of order -priority)
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        TokenBucket bucket = perMinute <= 0 || ctx.request().getHeader("Authorization") == null ? null
                : buckets.get(address(ctx.request()));
        if (bucket == null || bucket.available(perMinute)) {
            ctx.next();
            return;
        }
        long wait = Math.max(1, 60 / perMinute);
        ctx.response().setStatusCode(429).putHeader("Retry-After", Long.toString(wait));
        ProblemMappers.write(ctx, 429, "Too many invalid tokens from this address; retry after " + wait + " s");
    }

    /** Counts a refused token of the request's address. */
    void failed(HttpServerRequest request) {
        if (perMinute <= 0) {
            return;
        }
        buckets.take(address(request), perMinute);
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
