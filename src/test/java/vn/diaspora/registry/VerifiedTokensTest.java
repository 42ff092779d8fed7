package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** A token verified once is served from the cache until it expires, never after, and never for another token. */
@QuarkusTest
class VerifiedTokensTest {
    private static final String PERSONS = "/api/v1/persons";

    @Test
    void aCachedTokenExpiresWhenItsTokenDoes() throws InterruptedException {
        String token = Tokens.builder("api-reader", "short-lived-reader").expiresIn(2).sign(Tokens.devKey());
        given().auth().oauth2(token).get(PERSONS).then().statusCode(200);
        given().auth().oauth2(token).get(PERSONS).then().statusCode(200); // from the cache
        Thread.sleep(2_500);
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
}
