package vn.diaspora.registry.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.diaspora.registry.security.FieldCipher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * On the first start of the embedded default database, loads about 1,000 synthetic records so
 * that a newcomer has something to explore. Never runs against a configured database.
 */
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final int DEMO_PERSONS = 800;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    FieldCipher cipher;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @ConfigProperty(name = "registry.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (!enabled || !EmbeddedDatabase.inUse()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM person)")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            c.setAutoCommit(false);
            st.execute(script(DEMO_PERSONS));
            addContacts(c);
            c.commit();
            LOG.infof("Loaded demo data: %d persons and their associations, businesses and contributions", DEMO_PERSONS);
        }
    }

    /** Half the demo persons get an e-mail address and a phone, encrypted like every contact. */
    private void addContacts(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, replace(registry_norm(full_name), ' ', '.') FROM person "
                     + "WHERE created_by = 'demo-data' AND get_byte(uuid_send(id), 15) % 2 = 0");
             PreparedStatement update = c.prepareStatement("UPDATE person SET contacts = ? WHERE id = ?")) {
            int n = 0;
            while (rs.next()) {
                java.util.UUID id = (java.util.UUID) rs.getObject(1);
                String phone = "+81 " + (100_000_000 + Math.floorMod(id.getLeastSignificantBits(), 800_000_000L));
                update.setString(1, cipher.seal(json.createObjectNode().put("email", rs.getString(2) + "@example.org")
                        .put("phone", phone).toString()));
                update.setObject(2, id);
                update.addBatch();
                n++;
            }
            if (n > 0) {
                update.executeBatch();
            }
        }
    }

    /** The generator shared with bench/ (which loads a million persons with it). */
    public static String script(int persons) {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/generate.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("__PERSONS__", Integer.toString(persons));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
