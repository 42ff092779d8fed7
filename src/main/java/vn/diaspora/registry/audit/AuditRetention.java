package vn.diaspora.registry.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The audit trail's months (migration V18): once a day each replica makes the next months'
 * partitions and drops the months older than the retention (registry_retention, set at migrate);
 * the database function does both as the schema's owner, and at most one caller does it at a time.
 */
@ApplicationScoped
public class AuditRetention {
    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    @Inject
    EntityManager em;

    @Scheduled(every = "24h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void daily() {
        maintain();
    }

    /** Returns how many months it dropped. */
    @Transactional
    public int maintain() {
        if (!(Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('audit-retention'))").getSingleResult()) {
            return 0;
        }
        int dropped = ((Number) em.createNativeQuery("SELECT registry_audit_maintain()").getSingleResult()).intValue();
        if (dropped > 0) {
            LOG.infof("Audit retention: dropped %d months older than the retention", dropped);
        }
        return dropped;
    }
}
