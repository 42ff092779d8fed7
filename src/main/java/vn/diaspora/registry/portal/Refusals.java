package vn.diaspora.registry.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.diaspora.registry.common.Ids;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A refused file or row, kept for the officer who sent it so that the form can answer with a
 * redirect (post/redirect/get) and the page after it, reloaded or reached by Back, still says
 * why. Only its sender reads it, for a day.
 */
@ApplicationScoped
class Refusals {
    /** Why a form was refused; {@code cells} are the row editor's cells as typed (empty for a file). */
    record Refusal(List<FieldError> errors, Map<String, String> cells) {
    }

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    Caller caller;

    /** Keeps the refusal; its id goes in the next page's address. */
    @Transactional
    UUID keep(UUID submission, Refusal refusal) {
        UUID id = Ids.next();
        em.createNativeQuery("DELETE FROM portal_refusal WHERE created_at < now() - interval '1 day'").executeUpdate();
        em.createNativeQuery("INSERT INTO portal_refusal (id, submission_id, actor, refusal) VALUES (?1, ?2, ?3, cast(?4 AS jsonb))")
                .setParameter(1, id).setParameter(2, submission).setParameter(3, caller.subject()).setParameter(4, text(refusal))
                .executeUpdate();
        return id;
    }

    /** The caller's own refusal of that submission, or null (another's, expired, no id or not an id). */
    @Transactional
    Refusal find(String refusal, UUID submission) {
        UUID id;
        try {
            id = refusal == null ? null : UUID.fromString(refusal);
        } catch (IllegalArgumentException notAnId) {
            id = null;
        }
        if (id == null) {
            return null;
        }
        List<?> found = em.createNativeQuery("""
                        SELECT cast(refusal AS text) FROM portal_refusal
                        WHERE id = ?1 AND submission_id = ?2 AND actor = ?3 AND created_at >= now() - interval '1 day'""")
                .setParameter(1, id).setParameter(2, submission).setParameter(3, caller.subject()).getResultList();
        try {
            return found.isEmpty() ? null : json.readValue((String) found.get(0), Refusal.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(Refusal refusal) {
        try {
            return json.writeValueAsString(refusal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
