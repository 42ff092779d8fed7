package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
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
            return java.util.Map.of("registry.rate-limit.per-minute", "120");
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
        int status = 0;
        int sent = 0;
        while (sent < 1000 && status != 429) {
            status = given().auth().oauth2(own).get("/api/v1/persons/" + UUID.randomUUID()).statusCode();
            sent++;
        }
        org.junit.jupiter.api.Assertions.assertEquals(429, status, "after " + sent + " requests");
        given().auth().oauth2(token).get("/api/v1/countries").then().statusCode(200)
                .header("RateLimit-Limit", "120").header("RateLimit-Remaining", notNullValue()).header("RateLimit-Reset", notNullValue());
        org.junit.jupiter.api.Assertions.assertTrue(sent > 100, "the limit is 120 a minute, refused after " + sent);
        given().auth().oauth2(own).get("/api/v1/persons/" + UUID.randomUUID()).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        as(token).get("/api/v1/countries").then().statusCode(200); // other clients are not affected
    }
}
