package vn.diaspora.registry.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.resteasy.reactive.RestResponse;
import vn.diaspora.registry.security.Caller;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * POST with an Idempotency-Key (IETF draft): keys are scoped per client; the first answer is
 * stored in the same transaction as the record it created, so a retry gets that answer and
 * never a second record. The same key with another request is 422. A concurrent retry waits
 * on the first one's key row and then replays its answer.
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

    @Transactional
    public <T> RestResponse<T> post(String key, String path, Object request, Supplier<RestResponse<T>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > Limits.IDEMPOTENCY_KEY) {
            throw ProblemException.badParameter(HEADER, "must be 1 to " + Limits.IDEMPOTENCY_KEY + " characters");
        }
        String hash = Hashing.sha256(path + "\n" + write(request));
        int inserted = em.createNativeQuery("""
                        INSERT INTO idempotency_key (client, key, request_hash, status, body, created_at)
                        VALUES (?1, ?2, ?3, 0, '', ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, caller.subject()).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, Instant.now())
                .executeUpdate();
        if (inserted == 0) {
            return replay(key, hash);
        }
        RestResponse<T> response = action.get();
        em.createNativeQuery("UPDATE idempotency_key SET status = ?1, location = ?2, body = ?3 WHERE client = ?4 AND key = ?5")
                .setParameter(1, response.getStatus())
                .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(3, write(response.getEntity()))
                .setParameter(4, caller.subject()).setParameter(5, key)
                .executeUpdate();
        return response;
    }

    @SuppressWarnings("unchecked")
    private <T> RestResponse<T> replay(String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT request_hash, status, location, body FROM idempotency_key WHERE client = ?1 AND key = ?2")
                .setParameter(1, caller.subject()).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.invalid(HEADER, "this key was used for another request; use a new key");
        }
        // the stored JSON text is sent as it is: the entity type of a replay is not T
        RestResponse.ResponseBuilder<T> replay = RestResponse.ResponseBuilder.<T>create((Integer) row[1])
                .header("Idempotent-Replayed", "true")
                .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
                .entity((T) row[3]);
        if (row[2] != null) {
            replay.location(URI.create((String) row[2]));
        }
        return replay.build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
