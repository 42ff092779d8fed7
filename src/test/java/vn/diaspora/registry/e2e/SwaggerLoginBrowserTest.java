package vn.diaspora.registry.e2e;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;

/**
 * A person at a browser: Swagger UI's Authorize signs in with Keycloak (authorization code + PKCE,
 * client registry-swagger) as the demo officer of Lục Ngạn, then executes GET /api/v1/persons.
 * Playwright (src/test/browser, npm) drives Debian's chromium; the screenshot stays in
 * target/browser/swagger-login.png. The audit log must show the call, made with that client's token.
 */
@Tag("e2e")
@QuarkusTest
@TestProfile(KeycloakE2ETest.RealKeycloak.class)
class SwaggerLoginBrowserTest {
    static final Path SCRIPT = Path.of("src/test/browser/swagger-login.mjs");
    static final Path SCREENSHOT = Path.of("target/browser/swagger-login.png");

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOfficerSignsInThroughSwaggerUiAndExecutesACall() throws Exception {
        assertTrue(Files.isDirectory(Path.of("src/test/browser/node_modules/playwright-core")),
                "run `npm ci --prefix src/test/browser` first (.ci/run does)");
        Files.deleteIfExists(SCREENSHOT);
        Instant start = Instant.now();

        String output = run("node", SCRIPT.toString(), base.toString().replaceAll("/$", ""), SCREENSHOT.toString());

        assertTrue(output.contains("\"status\":\"200\""), "Swagger UI showed another answer: " + output);
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertTrue(png.length > 20_000, "screenshot of " + png.length + " bytes");

        String auditor = KeycloakE2ETest.password("auditor");
        List<Map<String, Object>> events = as(auditor).queryParam("from", start.toString()).queryParam("limit", 500)
                .get("/api/v1/audit").then().statusCode(200).extract().path("items");
        assertTrue(events.stream().anyMatch(e -> "SEARCH".equals(e.get("action")) && "persons".equals(e.get("collection"))
                        && "registry-swagger".equals(e.get("client")) && ((List<?>) e.get("roles")).contains("unit-officer")),
                "no audited search by the Swagger UI client: " + events);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = process.waitFor(3, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
        }
        assertTrue(done, "the browser test did not finish in 3 minutes: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
