package vn.diaspora.registry.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.diaspora.registry.common.RequestId;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.Roles;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * Appends an audit event in the caller's transaction (so a write and its event commit or roll
 * back together). Nothing here is logged: the audit trail is in the database only.
 */
@ApplicationScoped
public class AuditLog {
    @Schema(name = "AuditAction")
    public enum Action { READ, HISTORY, SEARCH, CREATE, UPDATE, DELETE, ACCEPT, EXPORT, ERASE, MERGE }

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    RequestId requestId;
    @Inject
    HttpServerRequest request;
    @Inject
    MeterRegistry metrics;

    public void record(Action action, String collection, Collection<UUID> ids, Integer resultCount) {
        em.createNativeQuery("""
                        INSERT INTO audit_event (at, subject, roles, client, action, collection, record_ids, query, result_count, request_id)
                        VALUES (?1, ?2, cast(?3 AS text[]), ?4, ?5, ?6, cast(?7 AS uuid[]), ?8, ?9, ?10)""")
                .setParameter(1, Timestamp.from(Instant.now()))
                .setParameter(2, caller.subject())
                .setParameter(3, "{" + String.join(",", caller.roles().stream().filter(Roles.ALL::contains).sorted().toList()) + "}")
                .setParameter(4, caller.client())
                .setParameter(5, action.name())
                .setParameter(6, collection)
                .setParameter(7, "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}")
                .setParameter(8, action == Action.SEARCH ? request.query() : null)
                .setParameter(9, resultCount)
                .setParameter(10, requestId.value())
                .unwrap(org.hibernate.query.NativeQuery.class)
                .addSynchronizedQuerySpace("audit_event")
                .executeUpdate();
        // the audit volume on the dashboard (deploy/monitoring); counted as written, a rolled-back write included
        metrics.counter("registry.audit.events", "action", action.name()).increment();
    }
}
