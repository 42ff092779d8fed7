package vn.diaspora.registry.duplicate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.diaspora.registry.common.Ids;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.SqlValues;
import vn.diaspora.registry.person.PersonService;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Finds candidate pairs of duplicate persons, nightly and on demand, into the review queue:
 * persons of one province with the same hometown and birth year whose names are the same or
 * trigram-similar (without case and diacritics), and persons with the same e-mail or phone
 * (by their blind keys). A pair already decided keeps its decision; an open pair is refreshed.
 * One scan at a time across replicas (an advisory lock).
 */
@ApplicationScoped
public class DuplicateScan {
    private static final Logger LOG = Logger.getLogger(DuplicateScan.class);
    private static final String SYSTEM = "system:duplicate-scan";
    /** A group of more persons than this with one contact is a shared address (an office, an association), not a duplicate. */
    static final int MAX_CONTACT_GROUP = 10;

    @Schema(name = "DuplicateScan", description = "A run of the duplicate scan")
    public record View(UUID id, @Schema(enumeration = {"RUNNING", "DONE", "FAILED"}) String state,
                       @Schema(maxLength = 2, description = "The province scanned; absent: every province") String provinceCode,
                       @Schema(maxLength = 200) String requestedBy, Instant startedAt, Instant finishedAt,
                       @Schema(format = "int64", description = "Live persons scanned") Long persons,
                       @Schema(format = "int32", description = "Open pairs found or refreshed") Integer pairsFound,
                       @Schema(maxLength = 500) String error) {
    }

    @Inject
    EntityManager em;
    @Inject
    PersonService persons;
    @Inject
    ManagedExecutor executor;
    @ConfigProperty(name = "registry.duplicates.similarity", defaultValue = "0.7")
    double similarity;

    @Scheduled(cron = "{registry.duplicates.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        run(open(SYSTEM, null));
    }

    /** Starts a scan of {@code province} (null: all) for {@code requestedBy}; 409 while one is running. */
    public View start(String requestedBy, String province) {
        UUID running = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("SELECT id FROM duplicate_scan WHERE state = 'RUNNING' AND started_at > now() - interval '6 hours'")
                    .getResultList();
            return ids.isEmpty() ? null : ids.get(0);
        });
        if (running != null) {
            throw ProblemException.conflict("A duplicate scan is running (" + running + "): its pairs will be in the queue when it ends", List.of());
        }
        UUID id = open(requestedBy, province);
        executor.runAsync(() -> run(id));
        return view(id);
    }

    public View view(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT id, state, province_code, requested_by, started_at, finished_at, persons, pairs_found, error
                            FROM duplicate_scan WHERE id = ?1""").setParameter(1, id).getResultList();
            if (rows.isEmpty()) {
                throw ProblemException.notFound("Duplicate scan " + id);
            }
            Object[] r = rows.get(0);
            return new View((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], SqlValues.instant(r[4]),
                    r[5] == null ? null : SqlValues.instant(r[5]), r[6] == null ? null : ((Number) r[6]).longValue(),
                    r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8]);
        });
    }

    private UUID open(String requestedBy, String province) {
        UUID id = Ids.next();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO duplicate_scan (id, requested_by, province_code, state, started_at) VALUES (?1, ?2, ?3, 'RUNNING', now())""")
                .setParameter(1, id).setParameter(2, requestedBy).setParameter(3, province).executeUpdate());
        return id;
    }

    /** Runs scan {@code id} to its end, and records how it ended. */
    void run(UUID id) {
        try {
            while (persons.fillContactKeys(1000) > 0) {
                // persons written before contact keys were kept get theirs, a thousand per transaction
            }
            QuarkusTransaction.requiringNew().timeout(3600).run(() -> scan(id));
        } catch (RuntimeException e) {
            LOG.errorf(e, "duplicate scan %s failed", id);
            QuarkusTransaction.requiringNew().run(() -> finish(id, "FAILED", null, null, "the scan failed; see the service log"));
        }
    }

    private void scan(UUID id) {
        String province = (String) em.createNativeQuery("SELECT province_code FROM duplicate_scan WHERE id = ?1").setParameter(1, id).getSingleResult();
        if (!(Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('duplicate-scan'))").getSingleResult()) {
            finish(id, "FAILED", null, null, "another scan was running");
            return;
        }
        // pairs whose persons have since been deleted or merged leave the queue
        em.createNativeQuery("""
                DELETE FROM duplicate_pair d WHERE d.status = 'OPEN'
                  AND EXISTS (SELECT 1 FROM person p WHERE p.id IN (d.person_a, d.person_b) AND p.deleted_at IS NOT NULL)""").executeUpdate();
        em.createNativeQuery("SELECT set_config('pg_trgm.similarity_threshold', ?1, true)").setParameter(1, Double.toString(similarity)).getSingleResult();
        int pairs = em.createNativeQuery("""
                        WITH live AS NOT MATERIALIZED (
                            SELECT id, province_code, hometown_code, birth_year, search_text, full_name, contact_keys FROM person
                            WHERE deleted_at IS NULL AND (cast(?1 AS text) IS NULL OR province_code = ?1)),
                        contact AS (
                            SELECT k, province_code, array_agg(id ORDER BY id) AS ids
                            FROM (SELECT unnest(contact_keys) AS k, id, province_code FROM live) u
                            GROUP BY k, province_code HAVING count(*) BETWEEN 2 AND ?2),
                        candidate AS (
                            SELECT a.id AS a, b.id AS b, a.province_code AS province,
                                   similarity(a.search_text, b.search_text) AS score,
                                   CASE WHEN registry_norm(a.full_name) = registry_norm(b.full_name) THEN 'SAME_NAME_BIRTH_YEAR_HOMETOWN'
                                        ELSE 'SIMILAR_NAME_BIRTH_YEAR_HOMETOWN' END AS reason
                            FROM live a JOIN live b ON b.province_code = a.province_code AND b.hometown_code = a.hometown_code
                                                   AND b.birth_year = a.birth_year AND a.id < b.id
                            WHERE a.search_text % b.search_text
                            UNION ALL
                            SELECT x, y, province_code, 0.9, 'SAME_CONTACT'
                            FROM contact, unnest(ids) AS x, unnest(ids) AS y WHERE x < y)
                        INSERT INTO duplicate_pair (id, person_a, person_b, province_code, score, reasons, found_at)
                        SELECT gen_random_uuid(), a, b, province, max(score), array_agg(DISTINCT reason ORDER BY reason), now()
                        FROM candidate GROUP BY a, b, province
                        ON CONFLICT (person_a, person_b) DO UPDATE SET score = excluded.score, reasons = excluded.reasons, found_at = excluded.found_at
                        WHERE duplicate_pair.status = 'OPEN'""")
                .setParameter(1, province).setParameter(2, MAX_CONTACT_GROUP).executeUpdate();
        long scanned = ((Number) em.createNativeQuery("SELECT count(*) FROM person WHERE deleted_at IS NULL AND (cast(?1 AS text) IS NULL OR province_code = ?1)")
                .setParameter(1, province).getSingleResult()).longValue();
        finish(id, "DONE", scanned, pairs, null);
    }

    private void finish(UUID id, String state, Long scanned, Integer pairs, String error) {
        em.createNativeQuery("UPDATE duplicate_scan SET state = ?2, finished_at = clock_timestamp(), persons = ?3, pairs_found = ?4, error = ?5 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, state).setParameter(3, scanned).setParameter(4, pairs).setParameter(5, error).executeUpdate();
    }
}
