package vn.diaspora.registry.security;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diaspora.registry.common.Hashing;
import vn.diaspora.registry.common.Resources;

import java.util.List;

/**
 * The token buckets in Redis, shared by every replica: one script takes tokens atomically (a
 * lease of up to {@code wanted}, as many as the bucket holds), refilling by Redis's own clock (the
 * replicas' clocks may differ). A bucket is forgotten a minute after its last request, when it
 * would be full anyway.
 */
@ApplicationScoped
class SharedBuckets {
    /** The bucket script (rate-limit/take.lua; bench/ratelimit.sh runs the same one). */
    private static final String TAKE = Resources.text("/rate-limit/take.lua");

    @Inject
    RedisAPI redis;

    /** What a lease got: the tokens granted (0: the request is refused) and the tokens left in the shared bucket. */
    record Grant(int granted, double left) {
    }

    Uni<Grant> lease(String client, int perMinute, int wanted) {
        // the key is a digest: Redis never holds a subject or a client id
        return redis.eval(List.of(TAKE, "1", "registry:rate:" + Hashing.sha256(client), Integer.toString(perMinute), Integer.toString(wanted)))
                .map(r -> new Grant(r.get(0).toInteger(), Double.parseDouble(r.get(1).toString())));
    }
}
