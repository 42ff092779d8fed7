package vn.diaspora.registry.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diaspora.registry.common.Cursor;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.Validation;
import vn.diaspora.registry.common.Where;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;


import static vn.diaspora.registry.security.Roles.AUDITOR;

/** The audit log, for auditors only; read-only through the API (the table itself refuses changes). */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read, searched or changed which records")
public class AuditResource {
    @Schema(name = "AuditEvent")
    public record AuditEvent(long id, Instant at, @Schema(maxLength = Limits.ACTOR) String subject,
                             @Schema(description = "The caller's registry roles", maxItems = 5)
                             List<@Size(max = 20) String> roles,
                             @Schema(description = "The client (azp) the token was issued to", maxLength = Limits.ACTOR) String client,
                             @Schema(implementation = AuditLog.Action.class) String action,
                             @Schema(example = "persons", maxLength = 20) String collection,
                             @Schema(description = "The records read, changed, or found by a search", maxItems = Page.MAX_LIMIT) List<UUID> recordIds,
                             @Schema(description = "The query string of a search, as sent", maxLength = Limits.REQUEST_LINE) String query,
                             @Schema(minimum = "0", maximum = "" + Limits.SUBMISSION_ROWS) Integer resultCount,
                             @Schema(maxLength = Limits.REQUEST_ID) String requestId) {
    }

    @Inject
    EntityManager em;

    @GET
    @RolesAllowed(AUDITOR)
    @Operation(summary = "Audit events, newest first (keyset-paged)")
    public Page<AuditEvent> list(@Parameter(description = "Token subject") @Size(max = Limits.ACTOR) @QueryParam("subject") String subject,
                                 @Parameter(description = "Record id") @Size(max = Limits.UUID) @QueryParam("record") String record,
                                 @Parameter(description = "From this instant (ISO 8601)") @Size(max = Limits.INSTANT) @QueryParam("from") String from,
                                 @Parameter(description = "Before this instant (ISO 8601)") @Size(max = Limits.INSTANT) @QueryParam("to") String to,
                                 @Parameter(description = "Only this action, e.g. EXPORT or ERASE")
                                 @Schema(implementation = AuditLog.Action.class, type = SchemaType.STRING) @QueryParam("action") String action,
                                 @BeanParam Params.Paging paging) {
        int n = Page.limit(paging.limit);
        Instant fromAt = Params.instant("from", from);
        Instant toAt = Params.instant("to", to);
        AuditLog.Action only = Params.enumValue("action", action, AuditLog.Action.class);
        UUID recordId = Validation.uuid(record, "record");
        Where where = new Where()
                .andIf(subject, "subject = ?")
                .andIf(recordId == null ? null : recordId.toString(), "record_ids @> ARRAY[cast(? AS uuid)]")
                .andIf(only == null ? null : only.name(), "action = ?")
                .andIf(fromAt == null ? null : Timestamp.from(fromAt), "at >= ?")
                .andIf(toAt == null ? null : Timestamp.from(toAt), "at < ?")
                .andIf(Cursor.after(paging.cursor, Long::valueOf), "id < ?");
        List<Object[]> rows = Where.select(em, """
                SELECT id, at, subject, array_to_string(roles, ','), client, action, collection,
                       array_to_string(record_ids, ','), query, result_count, request_id FROM audit_event""" + where.conditions()
                + " ORDER BY id DESC LIMIT " + (n + 1), where.params());
        List<AuditEvent> items = new ArrayList<>();
        for (Object[] r : rows) {
            String ids = (String) r[7];
            items.add(new AuditEvent(((Number) r[0]).longValue(), vn.diaspora.registry.common.SqlValues.instant(r[1]), (String) r[2],
                    ((String) r[3]).isEmpty() ? List.of() : List.of(((String) r[3]).split(",")), (String) r[4], (String) r[5], (String) r[6],
                    ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(UUID::fromString).toList(),
                    (String) r[8], (Integer) r[9], (String) r[10]));
        }
        return Page.of(items, n, AuditEvent::id);
    }
}
