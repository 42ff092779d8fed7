package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.person;
import static vn.diaspora.registry.Api.unique;

/** Bad input gets a clear 4xx problem+json naming the field, and nothing is written. */
@QuarkusTest
class BadInputTest {

    static Stream<Arguments> badPersons() {
        return Stream.of(
                bad("missing full name", p -> p.remove("fullName"), 422, "fullName"),
                bad("blank full name", p -> p.put("fullName", "   "), 422, "fullName"),
                bad("full name too long", p -> p.put("fullName", "A".repeat(201)), 422, "fullName"),
                bad("unknown hometown", p -> p.put("hometownCode", "99999"), 422, "hometownCode"),
                bad("hometown in Hà Nội", p -> p.put("hometownCode", "00004"), 422, "hometownCode"),
                bad("province as hometown", p -> p.put("hometownCode", "24"), 422, "hometownCode"),
                bad("missing hometown", p -> p.remove("hometownCode"), 422, "hometownCode"),
                bad("unknown country", p -> p.put("country", "XX"), 422, "country"),
                bad("lower-case country", p -> p.put("country", "jp"), 422, "country"),
                bad("alpha-3 country", p -> p.put("country", "JPN"), 422, "country"),
                bad("unknown nationality", p -> p.put("nationalities", List.of("VN", "ZZ")), 422, "nationalities[1]"),
                bad("eleven nationalities", p -> p.put("nationalities", List.of("VN", "JP", "US", "FR", "DE", "KR", "CN", "AU", "CA", "GB", "IT")), 422, "nationalities"),
                bad("hometown code of 11 characters", p -> p.put("hometownCode", "07210".repeat(2) + "1"), 422, "hometownCode"),
                bad("notes over 4,000 characters", p -> p.put("notes", "x".repeat(4001)), 422, "notes"),
                bad("birth date in the future", p -> p.put("birthDate", LocalDate.now().plusDays(2).toString()), 422, "birthDate"),
                bad("birth year in the future", p -> p.put("birthYear", LocalDate.now().getYear() + 1), 422, "birthYear"),
                bad("birth year too early", p -> p.put("birthYear", 1800), 422, "birthYear"),
                bad("birth year not the date's", p -> { p.put("birthDate", "1990-05-01"); p.put("birthYear", 1991); }, 422, "birthYear"),
                bad("impossible date", p -> p.put("birthDate", "2020-13-45"), 400, "birthDate"),
                bad("year as text", p -> p.put("birthYear", "nineteen"), 400, "birthYear"),
                bad("bad email", p -> p.put("contacts", Map.of("email", "not-an-email")), 422, "contacts.email"),
                bad("bad phone", p -> p.put("contacts", Map.of("phone", "call me")), 422, "contacts.phone"),
                bad("bad relatives' phone", p -> p.put("relativesContact", Map.of("phone", "x")), 422, "relativesContact.phone"),
                bad("unknown sex", p -> p.put("sex", "ROBOT"), 400, "sex"),
                bad("unknown category", p -> p.put("categories", List.of("PILOT")), 400, "categories[0]"),
                bad("unknown status", p -> p.put("status", "GONE"), 400, "status"),
                bad("consent without basis", p -> p.put("consent", Map.of("scope", "all")), 422, "consent.legalBasis"),
                bad("consent withdrawn before given", p -> p.put("consent", Map.of("legalBasis", "CONSENT", "date", "2025-03-14",
                        "withdrawnOn", "2025-01-02")), 422, "consent.withdrawnOn"),
                bad("unknown field", p -> p.put("nickname", "Tí"), 400, "nickname"),
                bad("object for a string", p -> p.put("city", Map.of("name", "Osaka")), 400, "city"),
                bad("reporting unit that is not a unit", p -> p.put("reportingUnit", "99"), 422, "reportingUnit"),
                bad("reporting unit of the other province", p -> p.put("reportingUnit", "540"), 403, "reportingUnit"));
    }

    private static Arguments bad(String what, Consumer<Map<String, Object>> change, int status, String field) {
        return Arguments.of(what, change, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPersons")
    void badPersonIsRefusedNamingTheField(String what, Consumer<Map<String, Object>> change, int status, String field) {
        String name = "Bad Input " + unique();
        Map<String, Object> body = person(name);
        change.accept(body);
        if (body.containsKey("fullName") && !"fullName".equals(field)) {
            body.put("fullName", name);
        }
        as(PROVINCE_24).body(body).post(PERSONS).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", is(status))
                .body("errors.field", hasItem(field));
        as(PROVINCE_24).queryParam("q", name).get(PERSONS).then().statusCode(200).body("items", empty());
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Map<String, Object> body = person("");
        body.put("country", "XX");
        body.put("hometownCode", "1");
        as(PROVINCE_24).body(body).post(PERSONS).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("country", "fullName", "hometownCode"));
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("not JSON", "application/json", "{\"fullName\": ", 400),
                Arguments.of("a JSON array", "application/json", "[1,2]", 400),
                Arguments.of("empty body", "application/json", "", 400),
                Arguments.of("plain text", "text/plain", "Nguyễn Văn A", 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void malformedBodiesAreClear4xx(String what, String contentType, String body, int status) {
        given().auth().oauth2(PROVINCE_24).contentType(contentType).body(body).post(PERSONS).then()
                .statusCode(status).contentType("application/problem+json");
    }

    @Test
    void bodiesOverOneMebibyteAreRefused() {
        Map<String, Object> body = person("Big " + unique());
        body.put("notes", "x".repeat(1_100_000));
        as(PROVINCE_24).body(body).post(PERSONS).then().statusCode(413);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("limit=0", "limit"),
                Arguments.of("limit=501", "limit"),
                Arguments.of("limit=ten", "limit"),
                Arguments.of("cursor=bm90LWEtY3Vyc29y", "cursor"),
                Arguments.of("cursor=%25%25", "cursor"),
                Arguments.of("category=PILOT", "category"),
                Arguments.of("status=GONE", "status"),
                Arguments.of("updatedSince=yesterday", "updatedSince"),
                Arguments.of("q=" + "a".repeat(201), "q"),
                Arguments.of("cursor=" + "A".repeat(201), "cursor"),
                Arguments.of("hometown=" + "1".repeat(11), "hometown"),
                Arguments.of("country=JPN", "country"),
                Arguments.of("updatedSince=" + "2026-01-01T00:00:00Z".repeat(2), "updatedSince"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void badQueryParametersAre400NamingTheParameter(String query, String field) {
        given().auth().oauth2(PROVINCE_24).urlEncodingEnabled(false).get(PERSONS + "?" + query).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", is(field));
    }
}
