package vn.diaspora.registry.feed;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** Drops the feed's events older than registry.feed.retention, and remembers where it cut: a reader behind that gets 410. */
@ApplicationScoped
public class FeedRetention {
    @Inject
    EntityManager em;
    @ConfigProperty(name = "registry.feed.retention", defaultValue = "P90D")
    Duration retention;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purge() {
        em.createNativeQuery("""
                        WITH gone AS (DELETE FROM change_event WHERE at < now() - make_interval(secs => ?1) RETURNING xid, seq)
                        INSERT INTO change_feed_horizon (xid, seq)
                        SELECT xid, seq FROM gone ORDER BY xid DESC, seq DESC LIMIT 1
                        ON CONFLICT (only_row) DO UPDATE SET xid = excluded.xid, seq = excluded.seq
                        WHERE (excluded.xid, excluded.seq) > (change_feed_horizon.xid, change_feed_horizon.seq)""")
                .setParameter(1, (double) retention.toSeconds()).executeUpdate();
    }
}
