package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Every error is problem+json, the ones decided before a resource runs too (issue 9, finding 11). */
@QuarkusTest
class AuthProblemTest {

    @Test
    void noTokenIs401ProblemWithTheBearerChallenge() {
        given().get("/api/v1/persons").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer")).body("status", is(401)).body("title", is("Unauthorized"));
    }

    @Test
    void aForgedOrExpiredTokenIs401Problem() {
        String forged = Api.READER.substring(0, Api.READER.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(forged).get("/api/v1/persons").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        String expired = Tokens.builder("api-reader", "expired").issuedAt(1_000_000L).expiresAt(1_000_600L).sign(Tokens.devKey());
        given().auth().oauth2(expired).get("/api/v1/persons").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRoleThatMayNotIs403Problem() {
        given().auth().oauth2(Api.AUDITOR).get("/api/v1/persons").then().statusCode(403).contentType("application/problem+json")
                .body("status", is(403));
        given().auth().oauth2(Api.READER).get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
        String noUnit = Tokens.builder("unit-officer", "no-unit").sign(Tokens.devKey());
        given().auth().oauth2(noUnit).get("/api/v1/persons").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void unknownPathsMethodsAndMediaTypesAreProblemsToo() {
        given().auth().oauth2(Api.READER).get("/api/v1/planets").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Api.ADMIN).delete("/api/v1/countries").then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(Api.ADMIN).contentType("text/plain").body("x").post("/api/v1/persons").then().statusCode(415)
                .contentType("application/problem+json");
        given().auth().oauth2(Api.READER).accept("image/png").get("/api/v1/persons/" + UUID.randomUUID()).then().statusCode(406)
                .contentType("application/problem+json");
        given().auth().oauth2(Api.ADMIN).contentType("application/json").body(Map.of()).post("/api/v1/persons").then()
                .statusCode(422).contentType("application/problem+json");
    }
}
