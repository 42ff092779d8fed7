package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.diaspora.registry.Api.as;

@QuarkusTest
@io.quarkus.test.junit.TestProfile(HardeningTest.SmallRateLimit.class)
class HardeningTest {
    public static class SmallRateLimit implements io.quarkus.test.junit.QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("registry.rate-limit.per-minute", "120", "registry.quarterly.max-rows", "5");
        }
    }

    @Test
    void responsesCarrySecurityHeaders() {
        as(Api.READER).get("/api/v1/countries").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void corsAdmitsOnlyTheSwaggerUiOrigin() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/persons").then().header("Access-Control-Allow-Origin", "http://localhost:8080");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/persons").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfter() {
        String token = Tokens.role("api-reader");
        String own = Tokens.builder("api-reader", "rate-" + UUID.randomUUID()).sign(Tokens.devKey());
        io.restassured.response.Response answer = null;
        int sent = 0;
        while (sent < 1000 && (answer == null || answer.statusCode() != 429)) {
            answer = given().auth().oauth2(own).get("/api/v1/persons/" + UUID.randomUUID());
            sent++;
        }
        // the refused answer itself: the bucket refills every half second, so a later request could pass again
        answer.then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        org.junit.jupiter.api.Assertions.assertTrue(sent > 100, "the limit is 120 a minute, refused after " + sent);
        given().auth().oauth2(token).get("/api/v1/countries").then().statusCode(200) // other clients are not affected
                .header("RateLimit-Limit", "120").header("RateLimit-Remaining", notNullValue()).header("RateLimit-Reset", notNullValue());
    }

    @Test
    void aSubmissionOverItsRowLimitIsRefusedWholeByJsonAndByFile() {
        String officer = Tokens.unitOfficer("219");
        String id = QuarterlyCycleTest.open(officer, QuarterlyCycleTest.period());
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            rows.add(QuarterlyCycleTest.row("PERSON", "R" + i, "CREATE", QuarterlyCycleTest.lucNgan("Hàng " + i)));
        }
        as(officer).body(rows.subList(0, 4)).put("/api/v1/submissions/" + id + "/items").then().statusCode(200);
        as(officer).body(rows.subList(4, 6)).put("/api/v1/submissions/" + id + "/items").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", is("body"))
                .body("errors[0].message", containsString("at most 5 rows"));
        String csv = QuarterlyUploadTest.HEADER + "\nF1,CREATE,Nguyễn Văn Một,,07591,JP,\nF2,CREATE,Nguyễn Văn Hai,,07591,JP,\n";
        given().auth().oauth2(officer).contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/submissions/" + id + "/items/upload").then().statusCode(422);
        as(officer).get("/api/v1/submissions/" + id + "/items").then().statusCode(200).body("items.size()", is(4)); // nothing half-written
    }

    @Test
    void problemDetailsListAtMostAHundredFieldErrors() {
        String officer = Tokens.unitOfficer("219");
        String id = QuarterlyCycleTest.open(officer, QuarterlyCycleTest.period());
        List<Map<String, Object>> rows = java.util.stream.IntStream.range(0, 150)
                .mapToObj(i -> QuarterlyCycleTest.row("PERSON", "", "CREATE", null)).toList();
        as(officer).body(rows).put("/api/v1/submissions/" + id + "/items").then().statusCode(422)
                .body("errors.size()", is(100));
    }

    @Test
    void aTokenWithAnAbsurdSubjectIsRefusedAndForeignRolesStayOutOfTheAudit() {
        String longSubject = Tokens.builder("api-reader", "s".repeat(256)).sign(Tokens.devKey());
        given().auth().oauth2(longSubject).get("/api/v1/persons").then().statusCode(401);
        String subject = "odd-roles-" + UUID.randomUUID();
        String oddRoles = Tokens.builder("api-reader", subject)
                .claim("realm_access", Map.of("roles", List.of("api-reader", "offline_access", "a,b}\"c"))).sign(Tokens.devKey());
        as(oddRoles).get("/api/v1/persons").then().statusCode(200);
        as(Api.AUDITOR).queryParam("subject", subject).get("/api/v1/audit").then().statusCode(200)
                .body("items[0].roles", is(List.of("api-reader")));
    }

    /** The bucket is the token's subject and client, not its display name (issue 9, finding 14). */
    @Test
    void clientsSharingADisplayNameDoNotShareABucket() {
        String name = "same-display-name";
        String a = Tokens.builder("api-reader", "client-a-" + UUID.randomUUID()).claim("preferred_username", name).claim("azp", "a").sign(Tokens.devKey());
        String b = Tokens.builder("api-reader", "client-b-" + UUID.randomUUID()).claim("preferred_username", name).claim("azp", "b").sign(Tokens.devKey());
        io.restassured.response.Response answer = null;
        for (int i = 0; i < 500 && (answer == null || answer.statusCode() != 429); i++) {
            answer = given().auth().oauth2(a).get("/api/v1/countries");
        }
        answer.then().statusCode(429);
        given().auth().oauth2(b).get("/api/v1/countries").then().statusCode(200);
    }

}
