package vn.diaspora.registry;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OperationsTest {

    /** The management interface's root, {@code http://localhost:<port>/q/}: health and metrics on a port of their own. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "", management = true)
    java.net.URL management;

    @Test
    void healthChecksTheDatabase() {
        given().get(management + "health/live").then().statusCode(200).body("status", is("UP"));
        given().get(management + "health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"));
    }

    @Test
    void metricsIncludeHttpTimings() {
        Api.as(Api.READER).get("/api/v1/countries").then().statusCode(200);
        given().get(management + "metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/countries\""));
    }

    /** What the dashboard and the alert rules of deploy/monitoring read. */
    @Test
    void metricsFeedTheDashboardAndTheAlerts() throws InterruptedException {
        Api.as(Api.READER).get("/api/v1/persons?limit=1").then().statusCode(200);
        String metrics = "";
        long deadline = System.nanoTime() + 20_000_000_000L;  // the quarterly figures are counted 5 s after the start, then every minute
        while (!metrics.contains("registry_quarterly_units{") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        }
        for (String series : List.of("http_server_requests_seconds_bucket{", "registry_audit_events_total{action=\"SEARCH\"",
                "registry_quarterly_units{", "state=\"NOT_STARTED\"", "registry_quarterly_units_late{", "registry_webhooks_pending ",
                "registry_webhooks_oldest_pending_seconds ", "registry_feed_held_back ")) {
            org.junit.jupiter.api.Assertions.assertTrue(metrics.contains(series), series + " is not among the metrics");
        }
    }

    @Test
    void healthAndMetricsAreNotServedNextToTheApi() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertNotEquals(io.restassured.RestAssured.port, management.getPort());
    }

    @Test
    void swaggerUiIsServedAndOffersTheIdentityProviderLogin() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"))
                .body(containsString("registry-swagger"))
                .body(containsString("usePkceWithAuthorizationCodeGrant: true"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.login.type", is("openIdConnect"))
                .body("paths.'/api/v1/persons'.get.security.login", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.hasItem("openid")))
                // operations inherited from the generic record resource ask for the token too
                .body("paths.'/api/v1/persons/{id}'.get.security.bearer", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.empty()))
                .body("paths.'/api/v1/countries'.get.security.login", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.hasItem("openid")));
    }

    /** The committed openapi.yaml is what the code produces; regenerate with: mvn test -Dopenapi.write=true */
    @Test
    void committedOpenApiMatchesTheCode() throws Exception {
        String produced = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        Path committed = Path.of("openapi.yaml");
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(committed, produced);
        }
        assertEquals(produced, Files.exists(committed) ? Files.readString(committed) : "",
                "openapi.yaml differs from the code: run ./mvnw test -Dtest=OperationsTest -Dopenapi.write=true and commit it");
    }

    @Test
    void theProdProfileRefusesTheDevKey() {
        String devKey = vn.diaspora.registry.security.DevKeyGuard.devPublicKeyForTests();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> vn.diaspora.registry.security.DevKeyGuard.refuse(devKey));
        vn.diaspora.registry.security.DevKeyGuard.refuse("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsomethingElse");
        String configured = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.oidc.public-key", String.class);
        assertEquals(devKey.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""), configured,
                "the dev/test profiles trust deploy/dev/dev-public-key.pem");

        String devEncryptionKey = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("registry.encryption.key", String.class);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> vn.diaspora.registry.security.DevKeyGuard.refuseEncryptionKey(devEncryptionKey));
        vn.diaspora.registry.security.DevKeyGuard.refuseEncryptionKey("c29tZXRoaW5nIGVsc2UsIDMyIGJ5dGVzIGxvbmcgLi4uLi4=");
    }

    @Test
    void swaggerUiShowsTheTagsInTheOrderPeopleNeedThemAndNoTwinSchemaNames() {
        var doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(List.of("Persons", "Associations", "Businesses", "Contributions", "Duplicates", "Quarterly cycle",
                "Statistics", "Change feed", "Webhooks", "Reference data", "Privacy", "Audit"), doc.getList("tags.name"));
        java.util.Set<String> schemas = doc.<String, Object>getMap("components.schemas").keySet();
        org.junit.jupiter.api.Assertions.assertTrue(schemas.stream().noneMatch(n -> n.matches(".*[0-9]$")), "twin schema names: " + schemas);
    }
}
