package vn.diaspora.registry.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.diaspora.registry.security.FieldCipher;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * At start, brings every sealed field under the current key: values written before encryption at
 * rest existed (then validates the checks of migration V6, after which the database itself refuses
 * clear values), and, while retired keys are configured, values sealed with one of them — after
 * which the retired key can be dropped. With neither to do it costs a few catalogue reads.
 */
@ApplicationScoped
public class SealExisting {
    private static final Logger LOG = Logger.getLogger(SealExisting.class);
    /** Each record table with sealed columns, and the check of migration V6 named after it. */
    static final List<Table> TABLES = java.util.Arrays.stream(RecordKind.values()).filter(k -> !k.sealed().isEmpty())
            .map(k -> new Table(k.table(), k.table() + "_sealed", k.sealedColumns())).toList();
    /** JSON documents with sealed fields inside: record versions and submission rows. */
    static final List<Documents> DOCUMENTS = List.of(
            new Documents("record_version", "record_version_sealed", "snapshot", List.of("collection", "record_id", "version")),
            new Documents("submission_item", "submission_item_sealed", "data", List.of("submission_id", "kind", "row_key")));

    record Table(String name, String check, List<String> columns) {
    }

    record Documents(String table, String check, String column, List<String> key) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    FieldCipher cipher;
    @Inject
    ObjectMapper json;

    void onStart(@Observes StartupEvent event) throws SQLException, IOException {
        sealAll(cipher);
    }

    /**
     * Re-seals, with {@code with}'s current key, every sealed field that is clear or under another
     * key, in one transaction, and validates the checks; returns how many rows it rewrote.
     */
    public int sealAll(FieldCipher with) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int rows = 0;
            for (Table t : TABLES) {
                if (!validated(c, t.check()) || with.hasRetiredKeys()) {
                    rows += sealRows(c, t, with);
                    validate(c, t.name(), t.check());
                }
            }
            for (Documents d : DOCUMENTS) {
                if (!validated(c, d.check()) || with.hasRetiredKeys()) {
                    rows += sealDocuments(c, d, with);
                    validate(c, d.table(), d.check());
                }
            }
            c.commit();
            if (rows > 0) {
                LOG.infof("Sealed the contacts and notes of %d rows with the current key", rows);
            }
            return rows;
        }
    }

    private int sealRows(Connection c, Table t, FieldCipher with) throws SQLException {
        String stale = String.join(" OR ", t.columns().stream().map(col -> "NOT starts_with(coalesce(" + col + ", ?), ?)").toList());
        String set = String.join(", ", t.columns().stream().map(col -> col + " = ?").toList());
        int n = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT id, " + String.join(", ", t.columns()) + " FROM " + t.name() + " WHERE " + stale);
             PreparedStatement update = c.prepareStatement("UPDATE " + t.name() + " SET " + set + " WHERE id = ?")) {
            bindPrefix(select, t.columns().size(), with.currentPrefix());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < t.columns().size(); i++) {
                        update.setString(i + 1, with.reseal(rs.getString(i + 2)));
                    }
                    update.setObject(t.columns().size() + 1, rs.getObject(1));
                    update.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                update.executeBatch();
            }
        }
        return n;
    }

    private int sealDocuments(Connection c, Documents d, FieldCipher with) throws SQLException, IOException {
        String stale = String.join(" OR ", SealedFields.NAMES.stream()
                .map(f -> "NOT starts_with(coalesce(" + d.column() + "->>'" + f + "', ?), ?)").toList());
        String key = String.join(", ", d.key());
        String match = String.join(" AND ", d.key().stream().map(k -> k + " = ?").toList());
        SealedFields fields = new SealedFields(with, json);
        int n = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT " + key + ", " + d.column() + "::text FROM " + d.table() + " WHERE " + stale);
             PreparedStatement update = c.prepareStatement("UPDATE " + d.table() + " SET " + d.column() + " = cast(? AS jsonb) WHERE " + match)) {
            bindPrefix(select, SealedFields.NAMES.size(), with.currentPrefix());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    JsonNode document = json.readTree(rs.getString(d.key().size() + 1));
                    update.setString(1, fields.reseal(document).toString());
                    for (int i = 0; i < d.key().size(); i++) {
                        update.setObject(i + 2, rs.getObject(i + 1));
                    }
                    update.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                update.executeBatch();
            }
        }
        return n;
    }

    /** Each "NOT starts_with(coalesce(x, ?), ?)": an absent value counts as current. */
    private static void bindPrefix(PreparedStatement select, int conditions, String prefix) throws SQLException {
        for (int i = 0; i < conditions; i++) {
            select.setString(2 * i + 1, prefix);
            select.setString(2 * i + 2, prefix);
        }
    }

    private static boolean validated(Connection c, String check) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT convalidated FROM pg_constraint WHERE conname = ?")) {
            ps.setString(1, check);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Validates the check once its rows are sealed. The service's own role (README "Database
     * roles") may not ALTER a table: then the owner's next migration validates it.
     */
    private static void validate(Connection c, String table, String check) throws SQLException {
        if (validated(c, check)) {
            return;
        }
        if (!owns(c, table)) {
            LOG.infof("%s stays NOT VALID until the schema owner's next migration validates it", check);
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check);
        }
    }

    private static boolean owns(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = ?::regclass")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
