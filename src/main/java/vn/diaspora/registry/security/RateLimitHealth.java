package vn.diaspora.registry.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where the rate limit's buckets live. Up either way: a replica that limits on its own still
 * serves, but the check tells an operator that the limit is no longer shared.
 */
@Readiness
@ApplicationScoped
public class RateLimitHealth implements HealthCheck {
    @Inject
    ClientBuckets buckets;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("Rate limit").up()
                .withData("store", buckets.store().name().toLowerCase())
                .withData("shared", buckets.store() == ClientBuckets.Store.REDIS);
        if (buckets.sharedProblem() != null) {
            check.withData("fallback", "Redis does not answer, this replica limits on its own: " + buckets.sharedProblem());
        }
        return check.build();
    }
}
