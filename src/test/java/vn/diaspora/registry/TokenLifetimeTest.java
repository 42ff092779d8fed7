package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** Tokens issued in the future or living longer than a user's (1 h) or a client's (24 h) maximum are refused (issue 9, finding 13). */
@QuarkusTest
class TokenLifetimeTest {
    static final long HOUR = 3600;

    static int status(long issuedAgo, long lifetime, boolean client) {
        long now = System.currentTimeMillis() / 1000;
        var b = Tokens.builder("api-reader", "lifetime").issuedAt(now - issuedAgo).expiresAt(now - issuedAgo + lifetime);
        if (client) {
            b.claim("client_id", "provincial-system").claim("preferred_username", "service-account-provincial-system");
        }
        return given().auth().oauth2(b.sign(Tokens.devKey())).get("/api/v1/countries").then().extract().statusCode();
    }

    @Test
    void ordinaryTokensPass() {
        org.junit.jupiter.api.Assertions.assertEquals(200, status(10, 300, false));
        org.junit.jupiter.api.Assertions.assertEquals(200, status(10, 12 * HOUR, true));
        org.junit.jupiter.api.Assertions.assertEquals(200, status(-30, 300, false), "30 s of clock skew are tolerated");
    }

    @Test
    void aHundredYearTokenIsRefused() {
        org.junit.jupiter.api.Assertions.assertEquals(401, status(10, 100L * 365 * 24 * HOUR, false));
        org.junit.jupiter.api.Assertions.assertEquals(401, status(10, 100L * 365 * 24 * HOUR, true));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        org.junit.jupiter.api.Assertions.assertEquals(401, status(-HOUR, 300, false));
    }

    @Test
    void lifetimesOverTheMaximumOfUsersAndOfClientsAreRefused() {
        org.junit.jupiter.api.Assertions.assertEquals(401, status(10, 2 * HOUR, false));
        org.junit.jupiter.api.Assertions.assertEquals(401, status(10, 25 * HOUR, true));
    }
}
