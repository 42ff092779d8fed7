package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.redis.client.RedisAPI;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.common.Hashing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared rate limit at a limit of 600 a minute (issue 24): a replica takes its clients' tokens
 * from Redis a lease (a hundredth of the limit) at a time, not a call per request, and every token
 * it grants was taken from the shared bucket, so the limit still holds across the replicas.
 */
@QuarkusTest
@TestProfile(LeasedRateLimitTest.Leased.class)
class LeasedRateLimitTest {
    static final TcpRelay REDIS = TcpRelay.toRedis();
    static final int PER_MINUTE = 600;

    public static class Leased implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Redis slow on a loaded machine must not switch this replica to its own buckets mid-test
            return Map.of("registry.rate-limit.store", "redis", "registry.rate-limit.per-minute", "" + PER_MINUTE,
                    "registry.rate-limit.shared-timeout", "10s", "quarkus.redis.hosts", "redis://127.0.0.1:" + REDIS.port());
        }
    }

    @Inject
    RedisAPI redis;

    @Test
    void aReplicaAsksRedisOncePerLeaseAndEveryTokenComesFromTheSharedBucket() {
        String subject = "lease-" + UUID.randomUUID();
        String token = Tokens.builder("api-reader", subject).sign(Tokens.devKey());
        long started = System.nanoTime();
        long before = REDIS.answers();
        for (int i = 0; i < 30; i++) {
            given().auth().oauth2(token).get("/api/v1/countries").then().statusCode(200);
        }
        long calls = REDIS.answers() - before;
        double seconds = (System.nanoTime() - started) / 1e9;
        // leases of 6: 5 calls for 30 requests when each lease is spent within its second (a call per request before)
        assertTrue(calls <= 12, calls + " calls to Redis for 30 requests");
        double left = Double.parseDouble(redis.hgetAndAwait("registry:rate:" + Hashing.sha256(subject + " null"), "tokens").toString());
        assertTrue(left <= PER_MINUTE - 30 + seconds * PER_MINUTE / 60 + 1e-6,
                "30 tokens granted here were taken from the shared bucket; it holds " + left + " after " + seconds + " s");
    }

    @Test
    void aLeaseIsAllAReplicaGrantsOnceAnotherEmptiedTheSharedBucket() {
        String subject = "lease-" + UUID.randomUUID();
        String token = Tokens.builder("api-reader", subject).sign(Tokens.devKey());
        given().auth().oauth2(token).get("/api/v1/countries").then().statusCode(200);  // leases 6, spends one
        // another replica takes the rest of the client's bucket
        var time = redis.timeAndAwait();  // Redis's clock, to the microsecond: the refill starts now
        String now = Long.toString(time.get(0).toLong() * 1_000_000 + time.get(1).toLong());
        redis.hsetAndAwait(List.of("registry:rate:" + Hashing.sha256(subject + " null"), "tokens", "0.2", "at", now));
        long emptied = System.nanoTime();
        int passed = 0;
        for (int i = 0; i < 10; i++) {
            if (given().auth().oauth2(token).get("/api/v1/countries").statusCode() == 200) {
                passed++;
            }
        }
        // the rest of the lease (5), and what the shared bucket refilled meanwhile (10 a second)
        double refilled = 0.2 + (System.nanoTime() - emptied) / 1e9 * PER_MINUTE / 60;
        assertTrue(passed <= 5 + (int) refilled, passed + " passed: more than the rest of this replica's lease and the refill (" + refilled + ")");
    }
}
