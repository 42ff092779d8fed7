package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.AUDITOR;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.PROVINCE_52;
import static vn.diaspora.registry.Api.READER;
import static vn.diaspora.registry.Api.UNIT_213;
import static vn.diaspora.registry.Api.UNIT_219;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;
import static vn.diaspora.registry.Api.unique;

/** 401 without a valid token, 403 with a wrong role, and officers confined to their scope. */
@QuarkusTest
class SecurityTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/persons", "/api/v1/associations", "/api/v1/businesses", "/api/v1/contributions",
            "/api/v1/admin-units", "/api/v1/countries"})
    void everyApiCallNeedsAToken(String path) {
        given().get(path).then().statusCode(401);
    }

    @Test
    void forgedExpiredAndForeignTokensAreRefused() throws Exception {
        var otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        String wrongSignature = Tokens.builder("registry-admin", "mallory").sign(otherKey);
        String expired = Tokens.builder("registry-admin", "late").issuedAt(1_000_000L).expiresAt(1_000_600L).sign(Tokens.devKey());
        String wrongIssuer = Jwt.issuer("https://evil.example").audience("diaspora-registry").subject("x")
                .claim("realm_access", Map.of("roles", java.util.List.of("registry-admin"))).sign(Tokens.devKey());
        String wrongAudience = Jwt.issuer(Tokens.ISSUER).audience("another-service").subject("x")
                .claim("realm_access", Map.of("roles", java.util.List.of("registry-admin"))).sign(Tokens.devKey());
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"diaspora-registry\",\"sub\":\"x\",\"exp\":4102444800,"
                + "\"realm_access\":{\"roles\":[\"registry-admin\"]}}");
        String unsigned = header + "." + payload + ".";
        // RFC 8725: the trusted key under another algorithm, and the RSA public key used as an HMAC secret (key confusion).
        String otherAlgorithm = Tokens.builder("registry-admin", "pss").jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.PS256)
                .sign(Tokens.devKey());
        String keyConfusion = Tokens.builder("registry-admin", "hmac").signWithSecret(
                vn.diaspora.registry.security.DevKeyGuard.devPublicKeyForTests().replaceAll("-----[A-Z ]+-----|\\s", ""));
        for (String token : new String[]{wrongSignature, expired, wrongIssuer, wrongAudience, unsigned, "not-a-jwt", otherAlgorithm, keyConfusion}) {
            given().auth().oauth2(token).get(PERSONS).then().statusCode(401);
        }
        given().auth().oauth2(ADMIN).get(PERSONS).then().statusCode(200);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rolesWithoutRecordAccessGet403() {
        as(AUDITOR).get(PERSONS).then().statusCode(403);
        as(AUDITOR).body(person("Auditor Write")).post(PERSONS).then().statusCode(403);
        as(Tokens.role("some-other-role")).get(PERSONS).then().statusCode(403);
        as(READER).body(person("Reader Write")).post(PERSONS).then().statusCode(403);
        String id = createPerson(ADMIN, person("Reader Target " + unique()));
        as(READER).header("If-Match", "W/\"1\"").body(person("x")).put(PERSONS + "/" + id).then().statusCode(403);
        as(READER).header("If-Match", "W/\"1\"").delete(PERSONS + "/" + id + "?reason=x").then().statusCode(403);
    }

    @Test
    void officerTokensWithoutTheirScopeClaimAreRefused() {
        as(Tokens.role("unit-officer")).get(PERSONS).then().statusCode(403);
        as(Tokens.role("province-officer")).get(PERSONS).then().statusCode(403);
    }

    @Test
    void unitOfficerSeesAndChangesOnlyItsUnit() {
        String name = "Phạm Thị Scope " + unique();
        String own = createPerson(UNIT_213, person(name)); // reporting unit defaults to the officer's unit
        as(UNIT_213).get(PERSONS + "/" + own).then().statusCode(200).body("reportingUnit", is("213"));
        // the other unit can neither read nor change nor find it; its existence does not leak (404, not 403)
        as(UNIT_219).get(PERSONS + "/" + own).then().statusCode(404);
        as(UNIT_219).get(PERSONS + "/" + own + "/history").then().statusCode(404);
        as(UNIT_219).header("If-Match", "W/\"1\"").body(person(name)).put(PERSONS + "/" + own).then().statusCode(404);
        as(UNIT_219).contentType("application/merge-patch+json").header("If-Match", "W/\"1\"").body("{\"city\":\"Kobe\"}")
                .patch(PERSONS + "/" + own).then().statusCode(404);
        as(UNIT_219).header("If-Match", "W/\"1\"").delete(PERSONS + "/" + own + "?reason=x").then().statusCode(404);
        as(UNIT_219).queryParam("q", name).get(PERSONS).then().statusCode(200).body("items.size()", is(0));
        as(UNIT_213).queryParam("q", name).get(PERSONS).then().statusCode(200).body("items.size()", is(1));
        // nor create records for another unit, nor move one there
        Map<String, Object> elsewhere = person(name);
        elsewhere.put("reportingUnit", "219");
        as(UNIT_213).body(elsewhere).post(PERSONS).then().statusCode(403).body("errors[0].field", is("reportingUnit"));
        as(UNIT_213).header("If-Match", "W/\"1\"").body(elsewhere).put(PERSONS + "/" + own).then().statusCode(403);
        as(UNIT_213).get(PERSONS + "/" + own).then().body("version", is(1));
    }

    @Test
    void provinceOfficerIsConfinedToItsProvince() {
        String inBacGiang = createPerson(PROVINCE_24, person("Province Scope " + unique()));
        as(PROVINCE_52).get(PERSONS + "/" + inBacGiang).then().statusCode(404);
        as(PROVINCE_52).body(person("Wrong Province " + unique())).post(PERSONS).then().statusCode(403);
        Map<String, Object> binhDinh = person("Bình Định Native " + unique());
        binhDinh.put("hometownCode", "21550");
        String inBinhDinh = createPerson(PROVINCE_52, binhDinh);
        as(PROVINCE_52).get(PERSONS + "/" + inBinhDinh).then().statusCode(200).body("reportingUnit", is("540"));
        as(PROVINCE_24).get(PERSONS + "/" + inBinhDinh).then().statusCode(404);
        as(ADMIN).get(PERSONS + "/" + inBinhDinh).then().statusCode(200);
    }

    @Test
    void apiReaderNeverSeesContactFields() {
        String name = "Contact Hidden " + unique();
        String id = createPerson(ADMIN, person(name));
        as(READER).get(PERSONS + "/" + id).then().statusCode(200)
                .body("fullName", is(name))
                .body("$", not(hasKey("contacts")))
                .body("$", not(hasKey("relativesContact")));
        as(READER).queryParam("q", name).get(PERSONS).then().statusCode(200)
                .body("items.size()", is(1))
                .body("items", everyItem(not(hasKey("contacts"))))
                .body("items", everyItem(not(hasKey("relativesContact"))));
        as(READER).get(PERSONS + "/" + id + "/history").then().statusCode(200)
                .body("items[0].snapshot.fullName", is(name))
                .body("items[0].snapshot.contacts", nullValue())
                .body("items[0].snapshot.relativesContact", nullValue());
        as(PROVINCE_24).get(PERSONS + "/" + id).then().body("contacts.email", notNullValue());
    }
}
