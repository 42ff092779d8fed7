package vn.diaspora.registry.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests a minute as a token bucket in this replica's memory: bursts up to the limit, refilled evenly. */
final class TokenBucket {
    private double tokens;
    private long last = System.nanoTime();

    TokenBucket(int capacity) {
        tokens = capacity;
    }

    synchronized Taken take(int perMinute) {
        refill(perMinute);
        boolean passed = tokens >= 1;
        if (passed) {
            tokens -= 1;
        }
        return new Taken(passed, tokens, perMinute);
    }

    /** Whether a request could pass now (nothing is taken). */
    synchronized boolean available(int perMinute) {
        refill(perMinute);
        return tokens >= 1;
    }

    private void refill(int perMinute) {
        long now = System.nanoTime();
        tokens = Math.min(perMinute, tokens + (now - last) / 60e9 * perMinute);
        last = now;
    }

    /** A bucket after a request: whether it passed, and the tokens left. */
    record Taken(boolean passed, double tokens, int perMinute) {
        /** 0 when the request passed, else the seconds until one may. */
        long waitSeconds() {
            return passed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) * 60.0 / perMinute));
        }

        int remaining() {
            return (int) Math.floor(tokens);
        }

        /** Seconds until the bucket is full again. */
        int resetSeconds() {
            return (int) Math.ceil((perMinute - tokens) * 60.0 / perMinute);
        }
    }

    /** Buckets by key (client, address), at most 100,000: beyond, all are forgotten, so a flood of keys cannot grow memory. */
    static final class Keyed {
        private static final int MAX_KEYS = 100_000;
        private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

        Taken take(String key, int perMinute) {
            if (buckets.size() > MAX_KEYS) {
                buckets.clear();
            }
            return buckets.computeIfAbsent(key, k -> new TokenBucket(perMinute)).take(perMinute);
        }

        /** The key's bucket, or null when it has none. */
        TokenBucket get(String key) {
            return buckets.get(key);
        }
    }
}
