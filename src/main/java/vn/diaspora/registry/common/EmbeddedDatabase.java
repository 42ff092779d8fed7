package vn.diaspora.registry.common;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The embedded default database: when no {@code quarkus.datasource.jdbc.url} is configured, an
 * embedded PostgreSQL 17 is started and its URL is offered as configuration. With
 * {@code registry.embedded-db.data-dir} set (the dev and prod default is {@code ./data/pg}) its
 * data survives restarts; without it (tests) it lives in a temporary directory.
 * <p>
 * The server is started lazily, the first time the URL is read, so a build that only inspects
 * configuration never starts it; it is started once per JVM (dev-mode reloads and successive
 * test applications reuse it) and stopped by a shutdown hook.
 */
public class EmbeddedDatabase implements ConfigSourceFactory {
    static final String URL = "quarkus.datasource.jdbc.url";
    /** Below every real source: a configured URL always wins. */
    static final int ORDINAL = 50;
    /** JVM-wide memo: survives class reloading in dev mode, where this class is loaded anew. */
    private static final String STARTED_URL = "registry.embedded-db.started-url";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(URL);
        // A value below this source's ordinal is only the build's recording of runtime defaults.
        if (url != null && url.getValue() != null && !url.getValue().isBlank() && url.getSourceOrdinal() > ORDINAL) {
            return List.of();
        }
        ConfigValue enabled = context.getValue("registry.embedded-db.enabled");
        if (enabled != null && "false".equals(enabled.getValue())) {
            return List.of();
        }
        ConfigValue dir = context.getValue("registry.embedded-db.data-dir");
        ConfigValue port = context.getValue("registry.embedded-db.port");
        String dataDir = dir == null ? null : dir.getValue();
        int fixedPort = port == null || port.getValue() == null ? 0 : Integer.parseInt(port.getValue());
        return List.of(new LazySource(dataDir, fixedPort));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static final class LazySource implements ConfigSource {
        private final String dataDir;
        private final int port;

        LazySource(String dataDir, int port) {
            this.dataDir = dataDir;
            this.port = port;
        }

        /**
         * None listed: the build records every listed value as a runtime default, which would start
         * the server during the build and bake its port into the application. Lookups by name work.
         */
        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String name) {
            return switch (name) {
                case URL -> start(dataDir, port);
                case "quarkus.datasource.username" -> "postgres";
                default -> null;
            };
        }

        @Override
        public String getName() {
            return "embedded-postgresql";
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }

    /** Whether this JVM runs on the embedded database (no datasource URL was configured). */
    public static boolean inUse() {
        return System.getProperty(STARTED_URL) != null;
    }

    static synchronized String start(String dataDir, int port) {
        String started = System.getProperty(STARTED_URL);
        if (started != null) {
            return started;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (dataDir != null && !dataDir.isBlank()) {
                Path path = Path.of(dataDir).toAbsolutePath();
                Files.createDirectories(path);
                builder.setDataDirectory(path).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            String url = pg.getJdbcUrl("postgres", "postgres");
            System.setProperty(STARTED_URL, url);
            LOG.infof("Embedded PostgreSQL started at %s (data: %s)", url,
                    dataDir == null || dataDir.isBlank() ? "temporary" : dataDir);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start; set QUARKUS_DATASOURCE_JDBC_URL to use another database", e);
        }
    }

}
