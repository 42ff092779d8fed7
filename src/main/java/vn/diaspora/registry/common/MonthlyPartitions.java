package vn.diaspora.registry.common;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The tables kept by the month (migrations V18, V19): once a day (at 02:30 in Vietnam) each replica makes the next
 * months' partitions and applies the retention (registry_retention, set at migrate). A database
 * function does both as the schema's owner; at most one caller does it at a time.
 */
@ApplicationScoped
public class MonthlyPartitions {
    private static final Logger LOG = Logger.getLogger(MonthlyPartitions.class);

    public enum Table {
        /** The audit trail: months older than the retention are dropped. */
        AUDIT("registry_audit_maintain", "Audit retention: dropped %d months"),
        /** Record versions: months older than the retention are folded into each record's last version before it. */
        VERSIONS("registry_versions_maintain", "Version retention: folded %d months into each record's last version before them");

        final String function;
        final String done;

        Table(String function, String done) {
            this.function = function;
            this.done = done;
        }
    }

    @Inject
    EntityManager em;

    /** At a quiet hour: folding a month holds record_version for seconds at national size (deploy/SCALING.md). */
    @Scheduled(cron = "{registry.partitions.cron}", timeZone = "Asia/Ho_Chi_Minh", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        for (Table table : Table.values()) {
            maintain(table);
        }
    }

    /** Returns how many months it dropped or folded. */
    @Transactional
    public int maintain(Table table) {
        if (!(Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('monthly-' || ?1))")
                .setParameter(1, table.function).getSingleResult()) {
            return 0;
        }
        int months = ((Number) em.createNativeQuery("SELECT " + table.function + "()").getSingleResult()).intValue();
        if (months > 0) {
            LOG.infof(table.done, months);
        }
        return months;
    }
}
