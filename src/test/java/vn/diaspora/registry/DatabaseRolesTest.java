package vn.diaspora.registry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Least privilege (README "Database roles"): after a migrate by the schema's owner, a login role in
 * the runtime group role has the DML the service needs and nothing more: it cannot change the
 * schema, disable the audit trigger, or change or remove audit events.
 */
@QuarkusTest
class DatabaseRolesTest {
    private static final String GROUP = "registry_runtime_test";
    private static final String LOGIN = "registry_app_test";
    /** PostgreSQL's insufficient_privilege. */
    private static final String DENIED = "42501";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Flyway flyway;

    @BeforeEach
    void runtimeRoleGrantedByTheOwnersMigrate() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            dropRoles(st);
            st.execute("CREATE ROLE " + GROUP + " NOLOGIN");
            st.execute("CREATE ROLE " + LOGIN + " LOGIN PASSWORD 'test-only' IN ROLE " + GROUP);
        }
        Map<String, String> placeholders = new java.util.HashMap<>(flyway.getConfiguration().getPlaceholders());
        placeholders.put("runtime_role", GROUP);
        Flyway.configure().configuration(flyway.getConfiguration()).placeholders(placeholders).load().migrate();
    }

    @AfterEach
    void dropTestRoles() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            dropRoles(st);
        }
    }

    private static void dropRoles(Statement st) throws SQLException {
        for (String role : new String[]{LOGIN, GROUP}) {
            if (st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'").next()) {
                st.execute("DROP OWNED BY " + role);
                st.execute("DROP ROLE " + role);
            }
        }
    }

    @Test
    void theRuntimeRoleCannotChangeTheSchemaOrTheAuditTrail() throws SQLException {
        try (Connection c = asRuntimeRole(); Statement st = c.createStatement()) {
            for (String refused : new String[]{
                    "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",
                    "ALTER TABLE audit_event DISABLE TRIGGER ALL",
                    "UPDATE audit_event SET subject = 'someone else'",
                    "DELETE FROM audit_event",
                    "TRUNCATE audit_event",
                    "CREATE TABLE intruder (id int)",
                    "ALTER TABLE person ADD COLUMN intruder int",
                    "ALTER TABLE person DROP CONSTRAINT person_sealed",
                    "DROP TABLE person",
                    "TRUNCATE person",
                    "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
                    "UPDATE admin_unit SET name = 'x'",
                    // the audit trail's months, and its retention
                    "UPDATE audit_event_default SET subject = 'someone else'",
                    "DELETE FROM audit_event_default",
                    "DROP TABLE audit_event_default",
                    "ALTER TABLE audit_event DETACH PARTITION audit_event_default",
                    "UPDATE registry_retention SET months = 1",
                    // record versions: no deletion, no hand on their months
                    "DELETE FROM record_version",
                    "DELETE FROM record_version_base",
                    "ALTER TABLE record_version DETACH PARTITION record_version_base",
                    "SELECT registry_make_months('record_version', 'UTC', '2000-01-01')",
                    "DELETE FROM flyway_schema_history"}) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(refused), refused);
                assertEquals(DENIED, e.getSQLState(), refused + ": " + e.getMessage());
            }
        }
    }

    @Test
    void theRuntimeRoleHasTheDmlTheServiceNeeds() throws SQLException {
        try (Connection c = asRuntimeRole(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            long before = count(st, "audit_event");
            st.execute("INSERT INTO audit_event (at, subject, roles, action) VALUES (now(), 'roles-test', '{}', 'READ')");
            assertEquals(before + 1, count(st, "audit_event"));
            st.execute("UPDATE person SET updated_at = updated_at WHERE false");
            st.execute("DELETE FROM idempotency_key WHERE false");
            st.execute("SELECT pg_advisory_xact_lock(1)");
            // the months' upkeep through the owner's function, which keeps what the retention keeps
            st.execute("SELECT registry_audit_maintain()");
            st.execute("SELECT registry_versions_maintain()");
            assertEquals(before + 1, count(st, "audit_event"));
            count(st, "admin_unit");
            c.rollback();
        }
    }

    private Connection asRuntimeRole() throws SQLException {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL().replaceFirst("\\?.*", "");  // without the owner's user=
        }
        Properties login = new Properties();
        login.setProperty("user", LOGIN);
        login.setProperty("password", "test-only");
        return DriverManager.getConnection(url, login);
    }

    private static long count(Statement st, String table) throws SQLException {
        var rs = st.executeQuery("SELECT count(*) FROM " + table);
        rs.next();
        return rs.getLong(1);
    }
}
