package vn.diaspora.registry;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Helpers shared by the API tests: authenticated requests and minimal valid records. */
public final class Api {
    public static final String PERSONS = "/api/v1/persons";
    /** Tokens of the usual actors: unit 213 (TP Bắc Giang, pre-reform district) and 219 (Lục Ngạn) of province 24. */
    public static final String ADMIN = Tokens.role("registry-admin");
    public static final String PROVINCE_24 = Tokens.provinceOfficer("24");
    public static final String PROVINCE_52 = Tokens.provinceOfficer("52");
    public static final String UNIT_213 = Tokens.unitOfficer("213");
    public static final String UNIT_219 = Tokens.unitOfficer("219");
    public static final String READER = Tokens.role("api-reader");
    public static final String AUDITOR = Tokens.role("auditor");

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A unique marker for names, so that tests never depend on each other's or earlier runs' data. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random word of 12 letters: distinct enough that name searches with it match only its own records. */
    public static String uniqueWord() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    /** A valid person of hometown 07201 (Phường Thọ Xương, district 213, Bắc Giang) living in Japan. */
    public static Map<String, Object> person(String fullName) {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", fullName);
        p.put("hometownCode", "07201");
        p.put("country", "JP");
        p.put("city", "Osaka");
        p.put("birthYear", 1988);
        p.put("categories", java.util.List.of("EXPERT"));
        p.put("contacts", Map.of("email", "someone@example.jp", "phone", "+81 6 1234 5678"));
        p.put("relativesContact", Map.of("name", "Nguyễn Văn Bố", "relation", "father", "phone", "0912 345 678"));
        return p;
    }

    public static ValidatableResponse create(String token, String collection, Object body) {
        return as(token).body(body).post(collection).then();
    }

    public static String createPerson(String token, Map<String, Object> body) {
        return create(token, PERSONS, body).statusCode(201).extract().path("id");
    }
}
