package vn.diaspora.registry.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The registry's clock: days are days in Vietnam (deadlines, legal clocks). Tests of the clocks pass their own. */
@ApplicationScoped
public class Clocks {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(VIETNAM);
    }
}
