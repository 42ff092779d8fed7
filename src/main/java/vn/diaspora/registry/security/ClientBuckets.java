package vn.diaspora.registry.security;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the clients' buckets live: in Redis, shared by the replicas (store redis), and always in
 * this replica's memory, which alone limits with store local or while Redis does not answer (then
 * behind N replicas a client gets up to N times its limit, which the readiness check says, rather
 * than no service at all; never more than its limit from one replica).
 */
@ApplicationScoped
public class ClientBuckets {
    private static final Logger LOG = Logger.getLogger(ClientBuckets.class);
    /** After a failure, Redis is tried again only after this: requests do not each wait for a dead store. */
    private static final long RETRY_NANOS = Duration.ofSeconds(5).toNanos();

    public enum Store { LOCAL, REDIS }

    private static final int MAX_LEASES = 100_000;

    private final TokenBucket.Keyed local = new TokenBucket.Keyed();
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private volatile long sharedRetryAt = System.nanoTime();
    private volatile String sharedProblem;

    /** A request never waits longer than this for Redis (then this replica limits on its own for a while). */
    @ConfigProperty(name = "registry.rate-limit.shared-timeout", defaultValue = "250ms")
    Duration sharedTimeout;
    @ConfigProperty(name = "registry.rate-limit.store")
    Store store;
    @Inject
    SharedBuckets shared;

    /**
     * Every request takes from the client's bucket on this replica, and, while Redis answers, from
     * the shared one too: this replica never grants a client more than its limit, whether Redis
     * answers, answers late or not at all, and a fallback starts from what the client has already
     * used here, never from a full bucket. The shared bucket is asked once per lease
     * ({@link Lease}), not once per request.
     */
    Uni<TokenBucket.Taken> take(String client, int perMinute) {
        TokenBucket.Taken here = local.take(client, perMinute);
        if (!here.passed() || store == Store.LOCAL || (sharedProblem != null && System.nanoTime() - sharedRetryAt < 0)) {
            return Uni.createFrom().item(here);
        }
        if (leases.size() > MAX_LEASES) {
            leases.clear();  // a flood of clients cannot grow memory; their unused tokens are lost, never doubled
        }
        Lease lease = leases.computeIfAbsent(client, c -> new Lease());
        TokenBucket.Taken leased = lease.take(perMinute);
        if (leased != null) {
            return Uni.createFrom().item(leased);
        }
        // Redis answers on its connection's context: the request goes on on its own (its logging context, its filters)
        Context request = Vertx.currentContext();
        return shared.lease(client, perMinute, Lease.size(perMinute))
                .ifNoItem().after(sharedTimeout).fail()
                .emitOn(request == null ? Runnable::run : task -> request.runOnContext(ignored -> task.run()))
                .map(grant -> lease.granted(grant, perMinute))
                .invoke(this::sharedAgain)
                .onFailure().recoverWithItem(e -> {
                    sharedFailed(e);
                    return here;
                });
    }

    /** Whether the limit is held across the replicas now, and if not why. */
    public Store store() {
        return store == Store.REDIS && sharedProblem == null ? Store.REDIS : Store.LOCAL;
    }

    public String sharedProblem() {
        return sharedProblem;
    }

    private void sharedFailed(Throwable e) {
        sharedRetryAt = System.nanoTime() + RETRY_NANOS;
        if (sharedProblem == null) {
            LOG.warnf("Rate limit: Redis does not answer (%s); each replica limits on its own until it does", e.toString());
        }
        sharedProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private void sharedAgain(TokenBucket.Taken taken) {
        if (sharedProblem != null) {
            LOG.info("Rate limit: Redis answers again; the limit is shared by the replicas");
            sharedProblem = null;
        }
    }
}
