package vn.diaspora.registry.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far behind the registry's followers are, for the dashboard (deploy/monitoring): webhook
 * deliveries waiting (pending, not yet dead letters) and the age of the oldest, and the change
 * feed's events held back behind a transaction still open. Counted every 15 s.
 */
@ApplicationScoped
public class FeedMetrics {
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicLong heldBack = new AtomicLong();

    @Inject
    EntityManager em;

    @Inject
    FeedMetrics(MeterRegistry metrics) {
        Gauge.builder("registry.webhooks.pending", pending, AtomicLong::get).description("Webhook deliveries not yet delivered").register(metrics);
        Gauge.builder("registry.webhooks.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest webhook delivery not yet delivered").register(metrics);
        Gauge.builder("registry.feed.held.back", heldBack, AtomicLong::get)
                .description("Committed feed events not yet served: behind a transaction still open").register(metrics);
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void count() {
        Object[] webhooks = (Object[]) em.createNativeQuery("""
                SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::bigint
                FROM webhook_delivery WHERE state = 'PENDING'""").getSingleResult();
        pending.set(((Number) webhooks[0]).longValue());
        oldestPendingSeconds.set(((Number) webhooks[1]).longValue());
        heldBack.set(((Number) em.createNativeQuery(
                "SELECT count(*) FROM change_event WHERE xid >= pg_snapshot_xmin(pg_current_snapshot())").getSingleResult()).longValue());
    }
}
