package vn.diaspora.registry.e2e;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.Api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static vn.diaspora.registry.Api.as;

/**
 * End to end with the real Keycloak of deploy/keycloak (started by .ci/run with run.sh): tokens
 * of the demo users (password grant) and of the provincial system (client credentials),
 * verified by the service through OIDC discovery. Tagged e2e: `./mvnw test -Pe2e`.
 */
@Tag("e2e")
@QuarkusTest
@TestProfile(KeycloakE2ETest.RealKeycloak.class)
class KeycloakE2ETest {
    static final String REALM = System.getProperty("keycloak.realm-url", "http://localhost:8180/realms/diaspora");

    public static class RealKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A fixed port: the realm's Swagger UI client admits redirects to :8081 only (and the dev run's :8080).
            return Map.ofEntries(Map.entry("quarkus.oidc.auth-server-url", REALM), Map.entry("quarkus.oidc.public-key", ""),
                    Map.entry("quarkus.oidc.token.issuer", REALM), Map.entry("quarkus.http.test-port", "8081"),
                    // the portal signs in with Keycloak (client registry-portal), not the dev sign-in
                    Map.entry("registry.portal.dev-sign-in", "false"), Map.entry("registry.portal.sign-in", "true"),
                    Map.entry("quarkus.oidc.officers.auth-server-url", REALM),
                    Map.entry("quarkus.oidc.officers.credentials.secret", "dev-only-registry-portal-secret"),
                    Map.entry("quarkus.oidc.officers.token-state-manager.encryption-secret", "dev-only-portal-session-key-for-tests-32"));
        }
    }

    static String LUC_NGAN, TP_BAC_GIANG, BAC_GIANG, BINH_DINH, ADMIN, AUDITOR, SYSTEM;

    @BeforeAll
    static void tokens() {
        LUC_NGAN = password("officer-luc-ngan");
        TP_BAC_GIANG = password("officer-tp-bac-giang");
        BAC_GIANG = password("province-bac-giang");
        BINH_DINH = password("province-binh-dinh");
        ADMIN = password("registry-admin");
        AUDITOR = password("auditor");
        SYSTEM = given().baseUri(REALM).formParam("grant_type", "client_credentials").formParam("client_id", "provincial-system")
                .formParam("client_secret", "dev-only-provincial-system-secret").post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String password(String user) {
        return password(user, "registry-cli");
    }

    static String password(String user, String client) {
        return given().baseUri(REALM).formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", user).formParam("password", "dev-only-password").post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static Map<String, Object> lucNgan(String name) {
        Map<String, Object> p = Api.person(name);
        p.put("hometownCode", "07591");
        return p;
    }

    @Test
    void roleAndScopeMatrixForRecords() {
        String id = as(LUC_NGAN).body(lucNgan("Keycloak " + Api.uniqueWord())).post(Api.PERSONS).then().statusCode(201)
                .body("reportingUnit", is("219")).extract().path("id");
        String path = Api.PERSONS + "/" + id;
        given().get(path).then().statusCode(401);
        as(LUC_NGAN).get(path).then().statusCode(200).body("contacts.email", is("someone@example.jp"));
        as(TP_BAC_GIANG).get(path).then().statusCode(404);            // another unit: existence does not leak
        as(TP_BAC_GIANG).header("If-Match", "W/\"1\"").queryParam("reason", "x").delete(path).then().statusCode(404);
        as(TP_BAC_GIANG).header("If-Match", "W/\"1\"").contentType("application/merge-patch+json").body("{\"city\":\"Kobe\"}")
                .patch(path).then().statusCode(404);                            // nor change them
        as(TP_BAC_GIANG).header("If-Match", "W/\"1\"").body(lucNgan("Đổi Tên")).put(path).then().statusCode(404);
        as(TP_BAC_GIANG).get(path + "/history").then().statusCode(404);
        as(TP_BAC_GIANG).get(Api.PERSONS + "/" + java.util.UUID.randomUUID()).then().statusCode(404); // a guessed id: the same answer
        as(password("officer2-luc-ngan")).get(path).then().statusCode(200);   // another officer of the same unit
        as(password("officer-an-nhon")).get(path).then().statusCode(404);     // a unit of the other province
        as(BAC_GIANG).get(path).then().statusCode(200);
        as(BINH_DINH).get(path).then().statusCode(404);
        as(SYSTEM).get(path).then().statusCode(200).body("$", not(hasKey("contacts"))).body("$", not(hasKey("relativesContact")));
        as(SYSTEM).body(lucNgan("x")).post(Api.PERSONS).then().statusCode(403);
        as(AUDITOR).get(path).then().statusCode(403);
        as(AUDITOR).queryParam("record", id).get("/api/v1/audit").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        as(ADMIN).get("/api/v1/audit").then().statusCode(403);
        as(ADMIN).get(path + "/export").then().statusCode(200);
        as(BAC_GIANG).get(path + "/export").then().statusCode(403);
        for (String collection : List.of("/api/v1/associations", "/api/v1/businesses", "/api/v1/contributions")) {
            as(SYSTEM).get(collection).then().statusCode(200);
            as(AUDITOR).get(collection).then().statusCode(403);
            given().get(collection).then().statusCode(401);
        }
    }

    /** One endpoint and the status each caller gets: unit officer 219, province officer 24, api-reader, admin, auditor, no token. */
    record Expectation(String method, String path, Object body, int unit, int province, int reader, int admin, int auditor) {
    }

    /**
     * The role × endpoint matrix, one row per endpoint family, every role and no token (always 401).
     * Records are of unit 219 (Lục Ngạn, province 24), so every officer here is in scope.
     */
    @Test
    void roleByEndpointMatrix() {
        String id = as(LUC_NGAN).body(lucNgan("Ma Trận " + Api.uniqueWord())).post(Api.PERSONS).then().statusCode(201).extract().path("id");
        String erased = as(LUC_NGAN).body(lucNgan("Xóa Bỏ " + Api.uniqueWord())).post(Api.PERSONS).then().statusCode(201).extract().path("id");
        String period = (1100 + (int) (System.nanoTime() % 800)) + "-Q3";
        String person = Api.PERSONS + "/" + id;
        List<Expectation> matrix = List.of(
                new Expectation("GET", Api.PERSONS, null, 200, 200, 200, 200, 403),
                new Expectation("POST", Api.PERSONS, lucNgan("Tạo Mới " + Api.uniqueWord()), 201, 201, 403, 201, 403),
                new Expectation("GET", person, null, 200, 200, 200, 200, 403),
                new Expectation("GET", person + "/history", null, 200, 200, 200, 200, 403),
                new Expectation("GET", person + "/export", null, 403, 403, 403, 200, 403),
                new Expectation("POST", Api.PERSONS + "/" + erased + "/erasure", Map.of("reason", "e2e"), 403, 403, 403, 204, 403),
                new Expectation("GET", "/api/v1/associations", null, 200, 200, 200, 200, 403),
                new Expectation("GET", "/api/v1/businesses", null, 200, 200, 200, 200, 403),
                new Expectation("GET", "/api/v1/contributions", null, 200, 200, 200, 200, 403),
                new Expectation("GET", "/api/v1/audit", null, 403, 403, 403, 403, 200),
                new Expectation("GET", "/api/v1/statistics?province=24&period=" + period, null, 200, 200, 200, 200, 403),
                new Expectation("GET", "/api/v1/periods/" + period + "?province=24", null, 200, 200, 403, 200, 403),
                new Expectation("GET", "/api/v1/periods/" + period + "/completeness?province=24", null, 403, 200, 403, 200, 403),
                new Expectation("POST", "/api/v1/periods/" + period + "/submissions", null, 201, 403, 403, 403, 403),
                new Expectation("GET", "/api/v1/templates/submission.xlsx", null, 200, 200, 403, 200, 403),
                new Expectation("PUT", "/api/v1/provinces/24/deadline", Map.of("daysAfterQuarter", 15), 403, 403, 403, 200, 403),
                new Expectation("GET", "/api/v1/admin-units?province=24&limit=1", null, 200, 200, 200, 200, 200),
                new Expectation("GET", "/api/v1/countries", null, 200, 200, 200, 200, 200));
        List<String> wrong = new java.util.ArrayList<>();
        for (Expectation e : matrix) {
            Map<String, Integer> expected = new java.util.LinkedHashMap<>();
            expected.put("unit", e.unit());
            expected.put("province", e.province());
            expected.put("reader", e.reader());
            expected.put("admin", e.admin());
            expected.put("auditor", e.auditor());
            expected.put("none", 401);
            Map<String, String> tokens = Map.of("unit", LUC_NGAN, "province", BAC_GIANG, "reader", SYSTEM, "admin", ADMIN, "auditor", AUDITOR);
            expected.forEach((caller, status) -> {
                io.restassured.specification.RequestSpecification request = (caller.equals("none") ? given() : as(tokens.get(caller))).accept("*/*");
                if (e.body() != null) {
                    request = request.contentType("application/json").body(e.body());
                }
                int actual = request.request(e.method(), e.path()).statusCode();
                if (actual != status) {
                    wrong.add(e.method() + " " + e.path() + " as " + caller + ": " + actual + ", expected " + status);
                }
            });
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), wrong);
    }

    @Test
    void roleMatrixForTheQuarterlyCycleAndReports() {
        String period = (1100 + (int) (System.nanoTime() % 800)) + "-Q1";
        as(LUC_NGAN).post("/api/v1/periods/" + period + "/submissions").then().statusCode(201);
        as(BAC_GIANG).post("/api/v1/periods/" + period + "/submissions").then().statusCode(403);
        as(SYSTEM).get("/api/v1/periods/" + period + "/submissions").then().statusCode(403);
        as(BAC_GIANG).get("/api/v1/periods/" + period + "/completeness").then().statusCode(200)
                .body("units.find { it.unitCode == '219' }.state", is("DRAFT"));
        as(LUC_NGAN).get("/api/v1/periods/" + period + "/completeness").then().statusCode(403);
        as(SYSTEM).queryParam("period", period).get("/api/v1/statistics").then().statusCode(200);
        as(AUDITOR).queryParam("period", period).get("/api/v1/statistics").then().statusCode(403);
        as(LUC_NGAN).get("/api/v1/admin-units?code=219").then().statusCode(200);
        // after the 2025 reform communes report: the officer of commune 07210 opens its submission
        String afterReform = (2100 + (int) (System.nanoTime() % 800)) + "-Q1";
        as(password("officer-phuong-bac-giang")).post("/api/v1/periods/" + afterReform + "/submissions").then().statusCode(201)
                .body("unitCode", is("07210"));
    }

    @Test
    void forgedAndForeignTokensAreRefused() {
        String[] parts = LUC_NGAN.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"unit-officer\"", "\"registry-admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        String devSigned = vn.diaspora.registry.Tokens.role("registry-admin");   // the dev key is not trusted here
        String otherAudience = password("officer-luc-ngan", "admin-cli");       // a token not meant for this service
        for (String token : new String[]{tampered, none, devSigned, otherAudience}) {
            given().auth().oauth2(token).get(Api.PERSONS).then().statusCode(401);
        }
        as(LUC_NGAN).get(Api.PERSONS).then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefusedAndTheBrowserClientGivesNoPasswordGrant() throws InterruptedException {
        String shortLived = password("officer-luc-ngan", "registry-cli-short-lived");   // expires 1 s after issue
        Thread.sleep(2500);
        given().auth().oauth2(shortLived).get(Api.PERSONS).then().statusCode(401);
        given().baseUri(REALM).formParam("grant_type", "password").formParam("client_id", "registry-swagger")
                .formParam("username", "officer-luc-ngan").formParam("password", "dev-only-password")
                .post("/protocol/openid-connect/token").then().statusCode(400).body("error", is("unauthorized_client"));
    }


    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
