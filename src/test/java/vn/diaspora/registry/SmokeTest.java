package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

@QuarkusTest
class SmokeTest {
    @Test
    void createAndRead() {
        String token = Tokens.provinceOfficer("24");
        String id = given().auth().oauth2(token).contentType("application/json")
                .body("{\"fullName\":\"Nguyễn Thị Hương\",\"hometownCode\":\"07210\",\"country\":\"JP\"}")
                .post("/api/v1/persons").then().log().ifValidationFails().statusCode(201).extract().path("id");
        given().auth().oauth2(token).get("/api/v1/persons/" + id).then().log().all().statusCode(200)
                .body("fullName", is("Nguyễn Thị Hương"));
        given().auth().oauth2(token).get("/api/v1/persons?q=nguyen thi huogn").then().log().all().statusCode(200);
    }
}
