package vn.diaspora.registry.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
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
            c.commit();
            LOG.infof("Loaded demo data: %d persons and their associations, businesses and contributions", DEMO_PERSONS);
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
