package vn.diaspora.registry;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracing switched on by configuration: the request's span reaches an OTLP receiver (a collector's
 * HTTP endpoint, played by this test), with its route and without the query string, which may
 * hold a person's name.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {
    static final List<String> EXPORTED = new CopyOnWriteArrayList<>();
    static final HttpServer COLLECTOR;

    static {
        try {
            COLLECTOR = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        COLLECTOR.createContext("/v1/traces", exchange -> {
            // protobuf: its strings (span names, attribute values) are there as UTF-8 bytes
            EXPORTED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        COLLECTOR.start();
    }

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + COLLECTOR.getAddress().getPort(),
                    "quarkus.otel.bsp.schedule.delay", "PT0.1S");
        }
    }

    @Test
    void aRequestsSpanIsExportedWithoutItsQueryString() throws Exception {
        given().auth().oauth2(Tokens.provinceOfficer("24")).header("X-Request-Id", "trace-check-1")
                .get("/api/v1/persons?q=Giap%20Thi%20Khue&limit=1").then().statusCode(200);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (EXPORTED.stream().noneMatch(b -> b.contains("/api/v1/persons")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String spans = String.join("\n", EXPORTED);
        assertTrue(spans.contains("/api/v1/persons"), "the request's span was exported");
        assertTrue(spans.contains("diaspora-registry"), "under the service's name");
        assertFalse(spans.contains("Giap") || spans.contains("Khue"), "a name from the query string reached the traces");
    }
}
