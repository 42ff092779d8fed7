package vn.diaspora.registry.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * At start, encrypts what was written before encryption at rest existed (rows with a clear
 * contact, relatives' contact or note, their versions, submission rows), then validates the checks of
 * migration V6, after which the database itself refuses clear values. Nothing to do: two
 * catalogue reads.
 */
@jakarta.enterprise.context.ApplicationScoped
public class SealExisting {
    private static final Logger LOG = Logger.getLogger(SealExisting.class);
    static final List<Table> TABLES = List.of(
            new Table("person", "person_sealed", List.of("contacts", "relatives_contact", "notes")),
            new Table("association", "association_sealed", List.of("contacts", "notes")),
            new Table("business", "business_sealed", List.of("contacts", "notes")));
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
        sealAll();
    }

    /** Encrypts every clear sealed field left in rows and versions, then validates the checks; returns how many rows it rewrote. */
    public int sealAll() throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int rows = 0;
            for (Table t : TABLES) {
                if (!validated(c, t.check())) {
                    rows += sealRows(c, t);
                    validate(c, t.name(), t.check());
                }
            }
            for (Documents d : DOCUMENTS) {
                if (!validated(c, d.check())) {
                    rows += sealDocuments(c, d);
                    validate(c, d.table(), d.check());
                }
            }
            c.commit();
            if (rows > 0) {
                LOG.infof("Encrypted the contacts and notes of %d rows written before encryption at rest", rows);
            }
            return rows;
        }
    }

    private int sealRows(Connection c, Table t) throws SQLException {
        String clear = String.join(" OR ", t.columns().stream().map(col -> "(" + col + " IS NOT NULL AND " + col + " NOT LIKE 'enc:%')").toList());
        String set = String.join(", ", t.columns().stream().map(col -> col + " = ?").toList());
        int n = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, " + String.join(", ", t.columns()) + " FROM " + t.name() + " WHERE " + clear);
             PreparedStatement update = c.prepareStatement("UPDATE " + t.name() + " SET " + set + " WHERE id = ?")) {
            while (rs.next()) {
                for (int i = 0; i < t.columns().size(); i++) {
                    String value = rs.getString(i + 2);
                    update.setString(i + 1, value == null || value.startsWith(FieldCipher.PREFIX) ? value : cipher.seal(value));
                }
                update.setObject(t.columns().size() + 1, rs.getObject(1));
                update.addBatch();
                n++;
            }
            if (n > 0) {
                update.executeBatch();
            }
        }
        return n;
    }

    private int sealDocuments(Connection c, Documents d) throws SQLException, IOException {
        String clear = String.join(" AND ", FieldCipher.SEALED_FIELDS.stream()
                .map(f -> "coalesce(" + d.column() + "->>'" + f + "', 'enc:') LIKE 'enc:%'").toList());
        String key = String.join(", ", d.key());
        String match = String.join(" AND ", d.key().stream().map(k -> k + " = ?").toList());
        int n = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + key + ", " + d.column() + "::text FROM " + d.table() + " WHERE NOT (" + clear + ")");
             PreparedStatement update = c.prepareStatement("UPDATE " + d.table() + " SET " + d.column() + " = cast(? AS jsonb) WHERE " + match)) {
            while (rs.next()) {
                JsonNode document = json.readTree(rs.getString(d.key().size() + 1));
                update.setString(1, cipher.sealFields(document).toString()); // written before encryption: every field is clear
                for (int i = 0; i < d.key().size(); i++) {
                    update.setObject(i + 2, rs.getObject(i + 1));
                }
                update.addBatch();
                n++;
            }
            if (n > 0) {
                update.executeBatch();
            }
        }
        return n;
    }

    private static boolean validated(Connection c, String check) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT convalidated FROM pg_constraint WHERE conname = ?")) {
            ps.setString(1, check);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void validate(Connection c, String table, String check) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check);
        }
    }
}
