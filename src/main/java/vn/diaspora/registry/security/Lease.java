package vn.diaspora.registry.security;

/**
 * Tokens a replica took at once from a client's shared bucket (ClientBuckets), spent here without
 * asking Redis again. A lease is a hundredth of the limit and lasts a second: what it leaves unused
 * is lost, so the client gets a little less than its limit rather than more. Every leased token
 * was taken from the shared bucket, so over time the replicas together grant no more than the
 * limit; a burst may pass it by what the replicas hold leased while the bucket refills (at most a
 * hundredth of the limit per replica).
 */
final class Lease {
    private static final long LIFETIME_NANOS = 1_000_000_000L;
    private static final int MOST = 100;

    private int tokens;
    private double sharedLeft;
    private long expires = System.nanoTime();

    /** How many tokens to lease at once for a limit of {@code perMinute}. */
    static int size(int perMinute) {
        return Math.max(1, Math.min(MOST, perMinute / 100));
    }

    /** A request served from the lease, or null when it is spent or too old. */
    synchronized TokenBucket.Taken take(int perMinute) {
        if (tokens == 0 || System.nanoTime() - expires >= 0) {
            return null;
        }
        tokens--;
        return taken(true, perMinute);
    }

    /** The request that leased: it takes one of the granted tokens, the rest are this replica's for a second. */
    synchronized TokenBucket.Taken granted(SharedBuckets.Grant grant, int perMinute) {
        if (System.nanoTime() - expires >= 0) {
            tokens = 0;
        }
        sharedLeft = grant.left();
        if (grant.granted() == 0) {
            return taken(false, perMinute);
        }
        tokens += grant.granted() - 1;
        expires = System.nanoTime() + LIFETIME_NANOS;
        return taken(true, perMinute);
    }

    private TokenBucket.Taken taken(boolean passed, int perMinute) {
        return new TokenBucket.Taken(passed, sharedLeft + tokens, perMinute);
    }
}
