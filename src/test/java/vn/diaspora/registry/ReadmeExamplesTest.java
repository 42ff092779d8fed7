package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's examples run as written (issue 10): its bash blocks of calls — the API, the
 * quarterly cycle, the privacy duties — are run by bash against this test instance, in one
 * session as a reader would paste them, and every curl must answer 2xx.
 */
@QuarkusTest
class ReadmeExamplesTest {
    /** The blocks that call the service (the others start processes: Maven, Keycloak). */
    static final List<String> FIRST_LINES = List.of("T=$(deploy/dev/token.sh province-officer 24)",
            "U=$(deploy/dev/token.sh unit-officer 24 219)", "A=$(deploy/dev/token.sh registry-admin)",
            "R=$(deploy/dev/token.sh api-reader)");

    @Test
    void everyExampleOfTheReadmeAnswers2xx() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            if (FIRST_LINES.stream().anyMatch(m.group(1)::startsWith)) {
                blocks.add(m.group(1));
            }
        }
        assertEquals(FIRST_LINES.size() + 1, blocks.size(), "README blocks found (the registry admin's: privacy and webhooks)");
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        String script = "set -u\n"
                // every curl of the README also reports its status, on a line of its own
                + "curl() { command curl -w '\\n@@STATUS %{http_code} %{url_effective}\\n' \"$@\"; }\n"
                + String.join("\n", blocks).replace("http://localhost:8080", base)
                .replace("deploy/dev/token.sh", Path.of("deploy/dev/token.sh").toAbsolutePath().toString());
        Path dir = Files.createTempDirectory("readme");
        Process bash = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(120, TimeUnit.SECONDS), "the examples did not finish");
        List<String> statuses = output.lines().filter(l -> l.startsWith("@@STATUS")).toList();
        assertTrue(statuses.size() >= 17, "curls run: " + statuses.size() + "\n" + output);
        for (String status : statuses) {
            assertTrue(status.matches("@@STATUS 2\\d\\d .*"), status + "\n" + output);
        }
        assertTrue(output.contains("Giáp Thị Khuê"), "the created person is shown");
        assertTrue(output.contains("\"state\":\"ACCEPTED\""), "the submission was accepted");
        assertTrue(output.contains("\"nextCursor\""), "the change feed answered from the lists' cursor\n" + output);
        assertTrue(output.contains("\"pending\""), "the webhook subscribed and read\n" + output);
    }
}
