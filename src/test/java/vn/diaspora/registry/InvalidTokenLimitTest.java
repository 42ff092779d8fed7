package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refused tokens are limited per source address (issue 9, finding 14). */
@QuarkusTest
@TestProfile(InvalidTokenLimitTest.Limits.class)
class InvalidTokenLimitTest {
    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.rate-limit.invalid-tokens-per-minute", "5");
        }
    }

    @Test
    void anAddressSendingBadTokensIsSlowedBeforeVerification() {
        String forged = Api.READER.substring(0, Api.READER.lastIndexOf('.') + 1) + "AAAA";
        int refused = 0;
        Response answer = null;
        for (int i = 0; i < 20 && (answer == null || answer.statusCode() != 429); i++) {
            answer = given().auth().oauth2(forged).get("/api/v1/persons");
            refused += answer.statusCode() == 401 ? 1 : 0;
        }
        answer.then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
        assertTrue(refused >= 5, "5 refused tokens a minute are answered 401 first, got " + refused);
    }
}
