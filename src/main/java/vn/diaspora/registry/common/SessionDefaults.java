package vn.diaspora.registry.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The sessions' settings are the database's defaults, set by every migrate
 * (db/migration/afterMigrate__session_defaults.sql) and taken by a session when it opens. The
 * pool's connections opened before the migrate (Flyway's own, the pool's first) are closed once
 * it is done (those in use when they return), so that no request runs on a session without them.
 */
@ApplicationScoped
public class SessionDefaults {
    @Inject
    AgroalDataSource dataSource;

    void renew(@Observes StartupEvent afterMigrate) {
        dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
    }
}
