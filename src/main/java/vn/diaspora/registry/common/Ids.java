package vn.diaspora.registry.common;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7): new rows land at the end of the primary-key index and list order follows creation. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID next() {
        long millis = System.currentTimeMillis();
        long msb = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long lsb = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
