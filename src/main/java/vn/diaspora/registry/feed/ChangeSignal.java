package vn.diaspora.registry.feed;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Wakes the feed's long polls when a change commits: one connection LISTENs to the channel the
 * change trigger notifies at commit. LISTEN needs a session of its own, which a transaction pooler
 * (PgBouncer) does not keep: behind one, registry.feed.listen-jdbc-url names a direct connection
 * to the primary. Without it (the listener reconnecting) a long poll still ends at its timeout.
 */
@ApplicationScoped
public class ChangeSignal {
    private static final Logger LOG = Logger.getLogger(ChangeSignal.class);

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "registry.feed.listen-jdbc-url")
    Optional<String> listenUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /** Completed with true when a change commits, with false after a quiet while (so that no waiter's callback lingers on it). */
    private volatile CompletableFuture<Boolean> next = new CompletableFuture<>();
    private volatile boolean running;
    private Thread listener;

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "change-feed-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** What a waiting reader listens to: see {@link #next}. */
    CompletableFuture<Boolean> next() {
        return next;
    }

    private Connection connect() throws java.sql.SQLException {
        if (listenUrl.isEmpty()) {
            return dataSource.getConnection();
        }
        Properties login = new Properties();
        user.ifPresent(u -> login.setProperty("user", u));
        password.ifPresent(p -> login.setProperty("password", p));
        return DriverManager.getConnection(listenUrl.get(), login);
    }

    private void listen() {
        while (running) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("LISTEN registry_changes");
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    org.postgresql.PGNotification[] notes = pg.getNotifications(10_000);
                    CompletableFuture<Boolean> woken = next;
                    next = new CompletableFuture<>();
                    woken.complete(notes != null && notes.length > 0);
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("change feed listener: %s; reconnecting", e.getMessage());
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }
}
