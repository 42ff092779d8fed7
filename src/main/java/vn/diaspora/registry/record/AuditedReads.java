package vn.diaspora.registry.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.query.NativeQuery;
import vn.diaspora.registry.audit.AuditLog;
import vn.diaspora.registry.common.Where;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.security.Reach;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads live records as the caller may see them and writes the read's audit event in the same
 * statement. Outside a transaction that statement commits on its own before its rows come back:
 * one round trip, and no record is answered whose read is not in the audit trail. The sealed
 * columns come back empty where the caller may not see them, so that they are neither decrypted
 * nor carried for it; the entities are not managed (nothing to track, nothing to flush).
 */
@ApplicationScoped
class AuditedReads {
    @Inject
    SessionFactory sessions;
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;

    /** Per entity class: its columns, as Hibernate maps them. */
    private final Map<Class<?>, List<String>> columns = new ConcurrentHashMap<>();

    /**
     * The live records among {@code ids} that the caller may read, in no particular order, and
     * the {@code action}'s audit event naming them (none when none was found and {@code unlessNone}).
     */
    <E extends RecordEntity> List<E> read(RecordKind kind, Class<E> type, Collection<UUID> ids, AuditLog.Action action, boolean unlessNone) {
        // the parameters in the order of their markers
        List<Object> params = new ArrayList<>();
        String select = seenColumns(kind, type, params);
        params.add("{" + ids.stream().map(UUID::toString).collect(Collectors.joining(",")) + "}");
        String readable = caller.readable().sql("t.reporting_unit", "t.province_code", bind(params));
        String insert = audit.insertFor(action, kind.collection(), "r", unlessNone, params);
        String sql = "WITH r AS (SELECT " + select + " FROM " + kind.table() + " t WHERE t.id = ANY(cast(? AS uuid[]))"
                + " AND t.deleted_at IS NULL AND " + readable + "), a AS (" + insert + ") SELECT * FROM r";
        try (StatelessSession session = sessions.openStatelessSession()) {
            NativeQuery<E> query = session.createNativeQuery(Where.number(sql), type);
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            List<E> found = query.getResultList();
            if (!found.isEmpty() || !unlessNone) {
                audit.counted(action);
            }
            if (!found.isEmpty()) {
                descriptor(type).forEachAttributeMapping(attribute -> {
                    if (attribute instanceof PluralAttributeMapping) {
                        readList(session, type, attribute, found);
                    }
                });
            }
            return found;
        }
    }

    /**
     * A record's list (an association's members, a business's owners) is part of it: read for all
     * the records at once (one statement per list, not one per record), before the session closes.
     */
    private static <E extends RecordEntity> void readList(StatelessSession session, Class<E> type, AttributeMapping list, List<E> records) {
        Map<UUID, List<Object>> byRecord = new java.util.HashMap<>();
        session.createSelectionQuery("SELECT e.id, x FROM " + type.getSimpleName() + " e JOIN e." + list.getAttributeName() + " x WHERE e.id IN :ids", Object[].class)
                .setParameter("ids", records.stream().map(e -> e.id).toList())
                .getResultList()
                .forEach(row -> byRecord.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(row[1]));
        records.forEach(e -> list.getPropertyAccess().getSetter().set(e, byRecord.getOrDefault(e.id, new ArrayList<>())));
    }

    /** The select list: each column of the table, a sealed one only where the caller may see the record whole. */
    private String seenColumns(RecordKind kind, Class<?> type, List<Object> params) {
        Reach whole = caller.officer();
        return columns.computeIfAbsent(type, this::columnsOf).stream()
                .map(c -> !kind.sealedColumns().contains(c) || whole.isAll() ? "t." + c
                        : "CASE WHEN " + whole.sql("t.reporting_unit", "t.province_code", bind(params)) + " THEN t." + c + " END AS " + c)
                .collect(Collectors.joining(", "));
    }

    private static java.util.function.Function<Object, String> bind(List<Object> params) {
        return value -> {
            params.add(value);
            return "?";
        };
    }

    private List<String> columnsOf(Class<?> type) {
        List<String> names = new ArrayList<>();
        EntityPersister entity = descriptor(type);
        entity.getIdentifierMapping().forEachSelectable((i, column) -> names.add(column.getSelectionExpression()));
        entity.forEachSelectable((i, column) -> {
            if (!names.contains(column.getSelectionExpression())) {
                names.add(column.getSelectionExpression());
            }
        });
        return List.copyOf(names);
    }

    private EntityPersister descriptor(Class<?> type) {
        return sessions.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().getEntityDescriptor(type);
    }
}
