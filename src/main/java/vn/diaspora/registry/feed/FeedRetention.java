package vn.diaspora.registry.feed;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Drops the feed's events older than registry.feed.retention, and remembers where it cut (migration V19): a reader behind that gets 410. */
@ApplicationScoped
public class FeedRetention {
    @Inject
    EntityManager em;
    @ConfigProperty(name = "registry.feed.retention", defaultValue = "P90D")
    Duration retention;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purge() {
        em.createNativeQuery("SELECT registry_feed_cut(now() - make_interval(secs => ?1))")
                .setParameter(1, (double) retention.toSeconds()).getSingleResult();
    }
}
