package vn.diaspora.registry.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.Tokens;

import static io.restassured.RestAssured.given;

/** A token verified once is served from the cache until it expires, never after, and never for another token. */
@QuarkusTest
class VerifiedTokensTest {
    private static final String PERSONS = "/api/v1/persons";
    @Inject
    VerifiedTokens verified;

    @Test
    void aTokenVerifiedOnceIsServedFromTheCacheWithItsOwnSubject() {
        String token = Tokens.role("api-reader");
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(token, "bearer"));
        org.junit.jupiter.api.Assertions.assertNull(verified.authenticate(request, null).await().indefinitely(), "not verified yet");
        given().auth().oauth2(token).get(PERSONS).then().statusCode(200);
        SecurityIdentity cached = verified.authenticate(request, null).await().indefinitely();
        org.junit.jupiter.api.Assertions.assertEquals("api-reader", cached.getPrincipal().getName());
        org.junit.jupiter.api.Assertions.assertTrue(cached.hasRole("api-reader"));
    }

    @Test
    void aCachedTokenExpiresWhenItsTokenDoes() throws InterruptedException {
        String token = Tokens.builder("api-reader", "short-lived-reader").expiresIn(5).sign(Tokens.devKey());
        given().auth().oauth2(token).get(PERSONS).then().statusCode(200);
        given().auth().oauth2(token).get(PERSONS).then().statusCode(200); // from the cache
        Thread.sleep(5_500);
        given().auth().oauth2(token).get(PERSONS).then().statusCode(401);
    }

    @Test
    void anotherSignatureOnTheSameClaimsIsVerifiedAnew() {
        String token = Tokens.role("api-reader");
        given().auth().oauth2(token).get(PERSONS).then().statusCode(200);
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        given().auth().oauth2(forged).get(PERSONS).then().statusCode(401);
        given().auth().oauth2(token).get(PERSONS).then().statusCode(200);
    }

    @Test
    void aCachedIdentityKeepsItsScope() {
        String unit = Tokens.unitOfficer("219");
        String province = Tokens.provinceOfficer("52");
        for (int i = 0; i < 2; i++) { // verified, then cached: the same answers
            given().auth().oauth2(unit).get("/api/v1/periods/2025-Q2").then().statusCode(200);
            given().auth().oauth2(unit).queryParam("province", "52").get("/api/v1/periods/2025-Q2").then().statusCode(403);
            given().auth().oauth2(province).get("/api/v1/periods/2025-Q2").then().statusCode(200);
        }
    }

    /** Issue 24: the RSA signature of a bearer token is checked on its first request only (20 checks for 20 requests before). */
    @Test
    void aTokensSignatureIsVerifiedOnceForManyRequests() {
        CountedSignatures.install();
        String token = Tokens.builder("api-reader", "counted-" + java.util.UUID.randomUUID()).sign(Tokens.devKey());
        int before = CountedSignatures.VERIFIED.get();
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(token).get("/api/v1/countries").then().statusCode(200);
        }
        org.junit.jupiter.api.Assertions.assertEquals(1, CountedSignatures.VERIFIED.get() - before,
                "twenty requests with one token: its signature verified once");
    }
}
