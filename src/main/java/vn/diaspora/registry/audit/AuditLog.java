package vn.diaspora.registry.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import vn.diaspora.registry.common.RequestId;
import vn.diaspora.registry.common.Where;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.Roles;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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

    private static final String INSERT = "INSERT INTO audit_event (at, subject, roles, client, action, collection, query, request_id, record_ids, result_count) ";
    /** The values that name the caller and the request, in the order of {@link #INSERT}, each typed (null ones too). */
    private static final String OF_REQUEST = "cast(? AS timestamptz), cast(? AS text), cast(? AS text[]), cast(? AS text), cast(? AS text), cast(? AS text), cast(? AS text), cast(? AS text)";

    public void record(Action action, String collection, Collection<UUID> ids, Integer resultCount) {
        List<Object> params = ofRequest(action, collection);
        params.add("{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}");
        params.add(resultCount);
        Query insert = em.createNativeQuery(Where.number(INSERT + "VALUES (" + OF_REQUEST + ", cast(? AS uuid[]), cast(? AS int))"));
        for (int i = 0; i < params.size(); i++) {
            insert.setParameter(i + 1, params.get(i));
        }
        insert.unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("audit_event").executeUpdate();
        counted(action);
    }

    /**
     * The INSERT … SELECT of this request's event for the rows of {@code rows} (a CTE with an
     * {@code id} column: their ids, how many), for a read that writes its event in the statement
     * that reads, so that both commit together; none when the rows are none and {@code unlessNone}.
     * Its values are appended to {@code params}, in order; {@link #counted} once it has run.
     */
    public String insertFor(Action action, String collection, String rows, boolean unlessNone, List<Object> params) {
        params.addAll(ofRequest(action, collection));
        return INSERT + "SELECT " + OF_REQUEST + ", coalesce(array_agg(id), '{}'), count(*) FROM " + rows + (unlessNone ? " HAVING count(*) > 0" : "");
    }

    /** The audit volume on the dashboard (deploy/monitoring); counted as written, a rolled-back write included. */
    public void counted(Action action) {
        metrics.counter("registry.audit.events", "action", action.name()).increment();
    }

    private List<Object> ofRequest(Action action, String collection) {
        return new ArrayList<>(Arrays.asList(Timestamp.from(Instant.now()), caller.subject(),
                "{" + String.join(",", caller.roles().stream().filter(Roles.ALL::contains).sorted().toList()) + "}",
                caller.client(), action.name(), collection, action == Action.SEARCH ? request.query() : null, requestId.value()));
    }
}
