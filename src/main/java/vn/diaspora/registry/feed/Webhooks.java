package vn.diaspora.registry.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.audit.AuditLog;
import vn.diaspora.registry.common.Ids;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.SqlValues;
import vn.diaspora.registry.reference.ReferenceData;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.FieldCipher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A registry admin's webhook subscriptions, and their dead letters: read, replayed. */
@ApplicationScoped
public class Webhooks {
    static final int MAX_URL = 2000;

    /** Types a subscription names at most (each a kind or a kind's change: 5 kinds × 6 cover every choice). */
    static final int MAX_TYPES = 20;

    @Schema(name = "WebhookRequest", description = "A client's URL to post the change feed's events to")
    public record Request(
            @Schema(required = true, maxLength = Limits.ACTOR, example = "provincial-system", description = "The client that receives (and reads the feed)") String clientId,
            @Schema(required = true, maxLength = MAX_URL, example = "https://lgsp.bacninh.gov.vn/hooks/diaspora") String url,
            @Schema(maxItems = MAX_TYPES, description = "Event types or kinds, e.g. vn.diaspora.person; none: every event")
            List<@jakarta.validation.constraints.Size(max = 100) String> types,
            @Schema(maxLength = 2, example = "24", description = "Only this province's records; none: every province (a client that reads everything)") String provinceCode) {
    }

    @Schema(name = "Webhook", description = "A webhook subscription; its secret is shown only in the answer that creates it")
    public record View(UUID id, @Schema(maxLength = Limits.ACTOR) String clientId, @Schema(maxLength = MAX_URL) String url,
                       @Schema(maxItems = 20) List<@jakarta.validation.constraints.Size(max = 100) String> types,
                       @Schema(maxLength = 2) String provinceCode, Instant createdAt, @Schema(maxLength = Limits.ACTOR) String createdBy,
                       @Schema(maxLength = 100, description = "whsec_…: verify webhook-signature with it (Standard Webhooks). Shown once.") String secret,
                       @Schema(format = "int64", description = "Deliveries waiting for their first or a later attempt") long pending,
                       @Schema(format = "int64", description = "Deliveries given up after 24 hours of retries") long dead) {
        /** The answer that creates the subscription: the only one that shows its secret. */
        View withSecret(String shown) {
            return new View(id, clientId, url, types, provinceCode, createdAt, createdBy, shown, pending, dead);
        }
    }

    @Schema(name = "WebhookDelivery", description = "A delivery that was given up: what it carried and how its last attempt ended")
    public record Delivery(UUID id, @Schema(maxLength = 4000, description = "The body that was posted (a CloudEvent without personal data)") String payload,
                           @Schema(format = "int32") int attempts, Instant createdAt, Instant lastAttemptAt,
                           @Schema(format = "int32", description = "The receiver's last HTTP status, absent when it did not answer") Integer lastStatus,
                           @Schema(maxLength = 500) String lastError) {
    }

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    FieldCipher cipher;
    @Inject
    ChangeFeed feed;
    @Inject
    WebhookTargets targets;
    @Inject
    AuditLog audit;

    /** Subscribes the client's URL to the events from now on; the answer carries the secret, once. */
    @Transactional
    public View subscribe(Request request) {
        if (request == null) {
            throw ProblemException.missingBody();
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.clientId() == null || request.clientId().isBlank() || request.clientId().length() > Limits.ACTOR) {
            errors.add(new FieldError("clientId", "required: the client that receives, 1 to " + Limits.ACTOR + " characters"));
        }
        String refusal = request.url() == null || request.url().length() > MAX_URL ? "required, at most " + MAX_URL + " characters" : targets.refusal(request.url());
        if (refusal != null) {
            errors.add(new FieldError("url", refusal));
        }
        List<String> types = request.types() == null ? List.of() : request.types();
        List<String> full = new ArrayList<>();
        if (types.size() > MAX_TYPES) {
            errors.add(new FieldError("types", "at most " + MAX_TYPES + " types", vn.diaspora.registry.common.ErrorCode.TOO_LONG));
            types = List.of();
        }
        for (int i = 0; i < types.size(); i++) {
            try {
                full.add(ChangeFeed.qualified(types.get(i)));
            } catch (ProblemException e) {
                errors.add(new FieldError("types[" + i + "]", e.errors().get(0).message()));
            }
        }
        if (request.provinceCode() != null && !ReferenceData.REGISTRY_PROVINCES.contains(request.provinceCode())) {
            errors.add(new FieldError("provinceCode", "24 (Bắc Giang) or 52 (Bình Định)"));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(FieldError::field));
            throw ProblemException.invalid(errors);
        }
        UUID id = Ids.next();
        String secret = WebhookSignature.newSecret();
        ChangeFeed.Position head = ChangeFeed.Position.decode(feed.head());
        em.createNativeQuery("""
                        INSERT INTO webhook_subscription (id, client_id, url, types, province_code, secret, created_at, created_by, cursor_xid, cursor_seq)
                        VALUES (?1, ?2, ?3, cast(?4 AS text[]), ?5, ?6, now(), ?7, cast(?8 AS xid8), ?9)""")
                .setParameter(1, id).setParameter(2, request.clientId().strip()).setParameter(3, request.url())
                .setParameter(4, "{" + String.join(",", full) + "}").setParameter(5, request.provinceCode())
                .setParameter(6, cipher.seal(secret)).setParameter(7, caller.subject())
                .setParameter(8, head.xid().toString()).setParameter(9, head.seq()).executeUpdate();
        audit.record(AuditLog.Action.CREATE, "webhooks", List.of(id), 1);
        return get(id).withSecret(secret);
    }

    private static final String VIEW = """
            SELECT s.id, s.client_id, s.url, s.types, s.province_code, s.created_at, s.created_by,
                   (SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = s.id AND d.state = 'PENDING'),
                   (SELECT count(*) FROM webhook_delivery d WHERE d.subscription_id = s.id AND d.state = 'DEAD')
            FROM webhook_subscription s""";

    @Transactional
    public List<View> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(VIEW + " ORDER BY s.created_at, s.id").getResultList();
        return rows.stream().map(Webhooks::view).toList();
    }

    @Transactional
    public View get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(VIEW + " WHERE s.id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Webhook " + id);
        }
        return view(rows.get(0));
    }

    private static View view(Object[] r) {
        return new View((UUID) r[0], (String) r[1], (String) r[2], Arrays.asList((String[]) r[3]), (String) r[4], SqlValues.instant(r[5]),
                (String) r[6], null, ((Number) r[7]).longValue(), ((Number) r[8]).longValue());
    }

    @Transactional
    public void unsubscribe(UUID id) {
        if (em.createNativeQuery("DELETE FROM webhook_subscription WHERE id = ?1").setParameter(1, id).executeUpdate() == 0) {
            throw ProblemException.notFound("Webhook " + id);
        }
        audit.record(AuditLog.Action.DELETE, "webhooks", List.of(id), 1);
    }

    /** The deliveries of the subscription that were given up, oldest first. */
    @Transactional
    public List<Delivery> deadLetters(UUID id) {
        get(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, payload, attempts, created_at, next_attempt_at, last_status, last_error FROM webhook_delivery
                        WHERE subscription_id = ?1 AND state = 'DEAD' ORDER BY created_at, id LIMIT 500""").setParameter(1, id).getResultList();
        return rows.stream().map(r -> new Delivery((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(), SqlValues.instant(r[3]),
                SqlValues.instant(r[4]), r[5] == null ? null : ((Number) r[5]).intValue(), (String) r[6])).toList();
    }

    /** Puts the dead letter {@code delivery} (null: all of the subscription's) back in line, as new; returns how many. */
    @Transactional
    public int replay(UUID id, UUID delivery) {
        get(id);
        int replayed = em.createNativeQuery("""
                        UPDATE webhook_delivery SET state = 'PENDING', attempts = 0, created_at = now(), next_attempt_at = now()
                        WHERE subscription_id = ?1 AND state = 'DEAD' AND (cast(?2 AS uuid) IS NULL OR id = ?2)""")
                .setParameter(1, id).setParameter(2, delivery).executeUpdate();
        if (delivery != null && replayed == 0) {
            throw ProblemException.notFound("Dead letter " + delivery + " of webhook " + id);
        }
        return replayed;
    }
}
