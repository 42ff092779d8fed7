package vn.diaspora.registry.feed;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.diaspora.registry.common.ProblemException;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many long polls of the change feed wait at once, per client and in all: past either cap a
 * new wait is refused with 429 (Retry-After), so no client can park more than its share of the
 * service's waits. A wait holds no thread; it holds an entry here until it is answered.
 */
@ApplicationScoped
public class FeedWaits {
    @ConfigProperty(name = "registry.feed.max-waits-per-client", defaultValue = "50")
    int perClient;
    @ConfigProperty(name = "registry.feed.max-waits", defaultValue = "1000")
    int overall;

    private final AtomicInteger waiting = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> byClient = new ConcurrentHashMap<>();

    /** A place among the waits, given back by {@link #leave}. */
    record Place(String client) {
    }

    Place enter(String client) {
        AtomicInteger mine = byClient.computeIfAbsent(client, c -> new AtomicInteger());
        if (mine.incrementAndGet() > perClient | waiting.incrementAndGet() > overall) {
            leave(new Place(client));
            throw new ProblemException(ProblemException.Reason.BUSY, "Too many long polls of the change feed wait at once (at most "
                    + perClient + " per client, " + overall + " in all): wait for one to be answered, or poll without wait",
                    List.of(new vn.diaspora.registry.common.Problem.FieldError("wait", "too many waits at once"))).retryAfter(1);
        }
        return new Place(client);
    }

    void leave(Place place) {
        waiting.decrementAndGet();
        byClient.computeIfPresent(place.client(), (c, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
}
