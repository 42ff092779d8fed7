package vn.diaspora.registry.idempotency;

import vn.diaspora.registry.common.Hashing;
import vn.diaspora.registry.common.Identified;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import vn.diaspora.registry.security.Caller;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * POST with an Idempotency-Key (IETF draft): keys are scoped per client and kept for
 * {@code registry.idempotency.retention} (24 h); the key row is written in the same transaction
 * as the resource it created, so a retry never makes a second one. The same key with another
 * request is 422. A concurrent retry waits on the first one's key row, then replays.
 * <p>
 * A replay is not a stored copy of the first answer: only the resource's id is kept, and the
 * answer is rebuilt from the resource as the caller may see it now. So an erased person, a
 * record that left the caller's scope or a field the caller may no longer see is not handed
 * out again by a retry (an erased or deleted record answers 404).
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "registry.idempotency.retention", defaultValue = "24h")
    Duration retention;

    /**
     * Runs {@code action} once per key; a retry gets {@code current} of the resource the first
     * run answered about, with the first run's status and {@code Idempotent-Replayed: true}.
     */
    @Transactional
    // the transaction of an idempotent POST is the action's: accepting a whole submission takes minutes
    @TransactionConfiguration(timeoutFromConfigProperty = "registry.quarterly.transaction-timeout")
    public <T extends Identified> RestResponse<T> post(String key, String path, Object request, Supplier<RestResponse<T>> action,
                                                       Function<UUID, RestResponse<T>> current) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > Limits.IDEMPOTENCY_KEY) {
            throw ProblemException.badParameter(HEADER, "must be 1 to " + Limits.IDEMPOTENCY_KEY + " characters");
        }
        if (Text.problem(key) != null) {
            throw ProblemException.badParameter(HEADER, Text.problem(key));
        }
        String hash = Hashing.sha256(path + "\n" + write(request));
        Instant now = Instant.now();
        // a new key, or one whose retention has passed, is (re)claimed; else this is a retry
        int claimed = em.createNativeQuery("""
                        INSERT INTO idempotency_key (client, key, request_hash, status, created_at) VALUES (?1, ?2, ?3, 0, ?4)
                        ON CONFLICT (client, key) DO UPDATE SET request_hash = excluded.request_hash, status = 0,
                            location = NULL, resource_id = NULL, created_at = excluded.created_at
                        WHERE idempotency_key.created_at < ?5""")
                .setParameter(1, caller.subject()).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, Timestamp.from(now)).setParameter(5, Timestamp.from(now.minus(retention)))
                .executeUpdate();
        if (claimed == 0) {
            return replay(key, hash, current);
        }
        RestResponse<T> response = action.get();
        em.createNativeQuery("UPDATE idempotency_key SET status = ?1, location = ?2, resource_id = ?3 WHERE client = ?4 AND key = ?5")
                .setParameter(1, response.getStatus())
                .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(3, response.getEntity() == null ? null : response.getEntity().id())
                .setParameter(4, caller.subject()).setParameter(5, key)
                .executeUpdate();
        return response;
    }

    private <T> RestResponse<T> replay(String key, String hash, Function<UUID, RestResponse<T>> current) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, status, resource_id FROM idempotency_key WHERE client = ?1 AND key = ?2")
                .setParameter(1, caller.subject()).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.invalid(HEADER, "this key was used for another request; use a new key");
        }
        RestResponse<T> now = current.apply((UUID) row[2]);
        return RestResponse.ResponseBuilder.fromResponse(now).status((Integer) row[1]).header("Idempotent-Replayed", "true").build();
    }

    /** Keys past their retention are forgotten (a retry after that is a new request). */
    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    @Transactional
    void purge() {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(retention))).executeUpdate();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
