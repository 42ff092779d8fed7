package vn.diaspora.registry;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.redis.client.RedisAPI;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.common.Hashing;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rate limit shared by the replicas through Redis (this machine's, REGISTRY_TEST_REDIS_PORT,
 * reached through a relay the test can cut): a bucket another replica emptied refuses here; with
 * Redis gone the replica limits on its own and its readiness says so, and it shares again once
 * Redis is back. (Two packaged replicas behind HAProxy: .ci/replicas.)
 */
@QuarkusTest
@TestProfile(SharedRateLimitTest.SharedThroughRedis.class)
class SharedRateLimitTest {
    static final TcpRelay REDIS = TcpRelay.toRedis();

    public static class SharedThroughRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.rate-limit.store", "redis", "registry.rate-limit.per-minute", "5",
                    "quarkus.redis.hosts", "redis://127.0.0.1:" + REDIS.port());
        }
    }

    @Inject
    RedisAPI redis;
    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void aBucketEmptiedOnAnotherReplicaRefusesHere() {
        String subject = "rate-" + UUID.randomUUID();
        String token = Tokens.builder("api-reader", subject).sign(Tokens.devKey());
        // another replica took this client's last token a moment ago (as the script keeps a bucket)
        String now = redis.timeAndAwait().get(0).toString() + "000000";
        redis.hsetAndAwait(List.of("registry:rate:" + Hashing.sha256(subject + " null"), "tokens", "0.2", "at", now));
        given().auth().oauth2(token).get("/api/v1/countries").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());

        String other = Tokens.builder("api-reader", "rate-" + UUID.randomUUID()).sign(Tokens.devKey());
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(other).get("/api/v1/countries").then().statusCode(200).header("RateLimit-Remaining", "" + (4 - i));
        }
        given().auth().oauth2(other).get("/api/v1/countries").then().statusCode(429);
        assertEquals("redis", rateLimitCheck().getString("data.store"));
    }

    @Test
    void withRedisGoneEachReplicaLimitsOnItsOwnAndSaysSo() throws Exception {
        REDIS.cut();
        List<ExtLogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                ((ExtLogRecord) r).copyAll();  // the logging context as the record was written
                logged.add((ExtLogRecord) r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            String token = Tokens.builder("api-reader", "rate-" + UUID.randomUUID()).sign(Tokens.devKey());
            String requestId = "fallback-" + UUID.randomUUID();
            given().auth().oauth2(token).header("X-Request-Id", requestId).get("/api/v1/countries").then().statusCode(200)
                    .header("X-Request-Id", requestId);
            // the warning, written while that request was served, carries its id
            ExtLogRecord warning = logged.stream().filter(r -> r.getMessage().startsWith("Rate limit: Redis does not answer"))
                    .findFirst().orElseThrow();
            assertEquals(requestId, warning.getMdc("requestId"));
            for (int i = 1; i < 5; i++) {
                given().auth().oauth2(token).get("/api/v1/countries").then().statusCode(200);
            }
            given().auth().oauth2(token).get("/api/v1/countries").then().statusCode(429);
            JsonPath check = rateLimitCheck();
            assertEquals("UP", check.getString("status"), "a replica without Redis still serves");
            assertEquals("local", check.getString("data.store"));
            assertEquals(false, check.getBoolean("data.shared"));
            assertTrue(check.getString("data.fallback").startsWith("Redis does not answer"), check.prettify());
        } finally {
            Logger.getLogger("").removeHandler(capture);
            REDIS.restore();
        }
        awaitShared();
    }

    /** Redis is tried again 5 s after a failure; the next request finds it and the limit is shared again. */
    private void awaitShared() throws InterruptedException {
        String later = Tokens.builder("api-reader", "rate-" + UUID.randomUUID()).sign(Tokens.devKey());
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!"redis".equals(rateLimitCheck().getString("data.store")) && System.nanoTime() < deadline) {
            given().auth().oauth2(later).get("/api/v1/countries");
            Thread.sleep(500);
        }
        assertEquals("redis", rateLimitCheck().getString("data.store"), "shared again once Redis answers");
    }

    /**
     * Redis flapping between slow (past the 250 ms a request waits for it) and quick, as on a
     * loaded machine (issue 23, finding 4): a client still never gets more than its limit from
     * this replica. Before, each slow answer fell back to a fresh local bucket, full while the
     * client had drained its shared one: up to twice the limit.
     */
    @Test
    void aClientNeverExceedsItsLimitHereWhileRedisFlaps() throws Exception {
        String token = Tokens.builder("api-reader", "flap-" + UUID.randomUUID()).sign(Tokens.devKey());
        int passed = 0;
        long started = System.nanoTime();
        try {
            // 13 s: past the 5 s after which a replica asks a Redis that failed it again, twice
            for (int i = 0; System.nanoTime() - started < 13_000_000_000L; i++) {
                REDIS.delayAnswers(i % 4 < 2 ? 400 : 0);  // two requests slow, two quick, and again
                if (given().auth().oauth2(token).get("/api/v1/countries").statusCode() == 200) {
                    passed++;
                }
                Thread.sleep(100);
            }
        } finally {
            REDIS.delayAnswers(0);
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        awaitShared();
        // a bucket of 5 a minute: 5 at once, then one every 12 s
        assertTrue(passed <= 5 + (int) Math.ceil(minutes * 5), passed + " requests passed in " + minutes * 60 + " s: more than the limit");
        assertTrue(passed >= 5, "the client had its limit: " + passed);
    }

    private JsonPath rateLimitCheck() {
        JsonPath ready = given().get(management + "health/ready").then().statusCode(200).extract().jsonPath();
        return new JsonPath(ready.prettify()).setRootPath("checks.find { it.name == 'Rate limit' }");
    }
}
