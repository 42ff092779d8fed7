package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.diaspora.registry.Api.READER;
import static vn.diaspora.registry.Api.as;

@QuarkusTest
class ReferenceDataTest {
    static final String UNITS = "/api/v1/admin-units";

    @Test
    void districtsOfBacGiangBeforeTheReform() {
        as(READER).queryParam("province", "24").queryParam("level", "DISTRICT").queryParam("date", "2025-03-01").get(UNITS)
                .then().statusCode(200)
                .body("items.size()", is(10))
                .body("items.code", hasItems("213", "219", "224"))
                .body("items.find { it.code == '219' }.fullName", is("Huyện Lục Ngạn"))
                .body("items.find { it.code == '219' }.validTo", is("2025-06-30"));
    }

    @Test
    void afterTheReformThereAreNoDistricts() {
        as(READER).queryParam("province", "24").queryParam("level", "DISTRICT").queryParam("date", "2025-07-01").get(UNITS)
                .then().statusCode(200).body("items.size()", is(0));
        as(READER).queryParam("province", "52").queryParam("level", "COMMUNE").queryParam("date", "2026-01-01")
                .queryParam("limit", 500).get(UNITS).then().statusCode(200).body("items.size()", is(135));
    }

    @Test
    void oldCommunesNameTheirSuccessors() {
        as(READER).queryParam("code", "07201").get(UNITS).then().statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].parentCode", is("213"))
                .body("items[0].successors", contains("07210"));
        // an old commune split between two new ones
        as(READER).queryParam("code", "21634").get(UNITS).then().body("items[0].successors", contains("21622", "21628"));
        as(READER).queryParam("parent", "213").queryParam("limit", 3).get(UNITS).then().statusCode(200)
                .body("items.size()", is(3)).body("nextCursor", notNullValue())
                .body("items.parentCode", everyItem(is("213")));
    }

    @Test
    void badFiltersAre400() {
        as(READER).queryParam("level", "HAMLET").get(UNITS).then().statusCode(400).body("errors[0].field", is("level"));
        as(READER).queryParam("date", "1 July").get(UNITS).then().statusCode(400).body("errors[0].field", is("date"));
    }

    @Test
    void countriesHaveVietnameseNames() {
        as(READER).get("/api/v1/countries").then().statusCode(200)
                .body("items.find { it.code == 'JP' }.nameVi", is("Nhật Bản"))
                .body("items.find { it.code == 'DE' }.nameEn", is("Germany"))
                .body("items.code", hasItem("VN"))
                .body("items.find { it.code == 'XX' }", nullValue())
                .body("nextCursor", nullValue());
    }

    @Test
    void enumQueryValuesAreCaseInsensitive() {
        as(READER).queryParam("province", "24").queryParam("level", "district").queryParam("date", "2025-03-01").get(UNITS)
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(5));
        as(READER).queryParam("category", "expert").get("/api/v1/persons").then().statusCode(200);
        io.restassured.RestAssured.given().auth().oauth2(Api.ADMIN).get("/api/v1/templates/submission-PERSON.csv").then().statusCode(200);
    }
}
