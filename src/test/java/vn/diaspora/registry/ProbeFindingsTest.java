package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static vn.diaspora.registry.Api.as;

/**
 * The held-out probe's low findings of issue 23, each a 5xx or a silent wrong answer from input:
 * now a 400 or 422 naming the field.
 */
@QuarkusTest
class ProbeFindingsTest {
    static final String CHANGES = "/api/v1/changes";

    @Test
    void aTypeOfTheFeedThatIsOnlyDotsIsA400NamingTypes() {
        for (String types : List.of(".", "..", "vn.diaspora..", "vn.diaspora.person.", "person.nothing", "person.updated.x")) {
            as(Api.READER).queryParam("types", types).get(CHANGES).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", is("types"));
        }
        as(Api.READER).queryParam("types", "person.erased,vn.diaspora.business").get(CHANGES).then().statusCode(200);
    }

    @Test
    void aWebhookTakesTheTypesItsSchemaAllows() {
        Map<String, Object> dots = new java.util.HashMap<>(Map.of("clientId", "probe", "url", "http://127.0.0.1:9/hook"));
        dots.put("types", List.of("."));
        as(Api.ADMIN).body(dots).post(WebhooksTest.WEBHOOKS).then().statusCode(422).body("errors.field", hasItem("types[0]"));
        dots.put("types", Collections.singletonList(null));
        as(Api.ADMIN).body(dots).post(WebhooksTest.WEBHOOKS).then().statusCode(422).body("errors.field", hasItem("types[0]"));
        dots.put("types", Collections.nCopies(1000, "vn.diaspora.person"));
        as(Api.ADMIN).body(dots).post(WebhooksTest.WEBHOOKS).then().statusCode(422).body("errors.field", hasItem("types"))
                .body("errors.find { it.field == 'types' }.message", containsString("at most 20"));
    }

    @Test
    void anInstantOutsidePostgreSQLsRangeOrInTheFutureIsA400() {
        for (String at : List.of("-5000-01-01T00:00:00Z", "+20000-01-01T00:00:00Z", "0999-12-31")) {
            as(Api.PROVINCE_24).queryParam("period", "2025-Q1").queryParam("groupBy", "country").queryParam("asKnownAt", at)
                    .get("/api/v1/statistics").then().statusCode(400).body("errors[0].field", is("asKnownAt"));
            as(Api.PROVINCE_24).queryParam("year", "2025").queryParam("asKnownAt", at).get("/api/v1/reports/yearly").then().statusCode(400)
                    .body("errors[0].field", is("asKnownAt"));
        }
        Browser province = Browser.signedInAs("bac-giang");
        province.get("/portal/province/yearly?year=2025&asKnownAt=-5000-01-01T00:00", 400);
        province.get("/portal/province/yearly?year=2025&asKnownAt=99999-01-01T00:00", 400);
        // the future: figures asked as known tomorrow would change as tomorrow comes
        String tomorrow = java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString();
        as(Api.PROVINCE_24).queryParam("period", "2025-Q1").queryParam("groupBy", "country").queryParam("asKnownAt", tomorrow)
                .get("/api/v1/statistics").then().statusCode(400).body("errors[0].field", is("asKnownAt"))
                .body("errors[0].message", containsString("future"));
        as(Api.PROVINCE_24).queryParam("period", "2025-Q1").queryParam("groupBy", "country").queryParam("asKnownAt", "2026-01-01T00:00:00Z")
                .get("/api/v1/statistics").then().statusCode(200);
    }

    @Test
    void aForgedFeedCursorIsA400NotASkipOrAnEndlessWait() {
        String head = as(Api.ADMIN).queryParam("limit", 1).get(Api.PERSONS).then().statusCode(200).extract().header("Changes-Cursor");
        String[] keys = new String(Base64.getUrlDecoder().decode(head), StandardCharsets.UTF_8).split("\u001f");
        BigInteger xid = new BigInteger(keys[1]);
        for (String forged : List.of(cursor("-1", "0"), cursor("1" + "0".repeat(30), "0"), cursor(xid.add(BigInteger.TEN.pow(12)).toString(), "0"),
                cursor(keys[1], "-7"))) {
            as(Api.READER).queryParam("after", forged).get(CHANGES).then().statusCode(400).body("errors[0].field", is("after"));
        }
        as(Api.READER).queryParam("after", head).get(CHANGES).then().statusCode(200);
    }

    @Test
    void aScanOfAnotherProvinceIsUnknownToAnOfficerOfThisOne() {
        String state = as(Api.PROVINCE_24).body("{}").post("/api/v1/duplicates/scans").then().statusCode(202).extract().header("Location");
        String path = state.replaceFirst("^https?://[^/]+", "");
        as(Api.PROVINCE_24).get(path).then().statusCode(200).body("provinceCode", is("24"));
        as(Api.PROVINCE_52).get(path).then().statusCode(404).body("requestedBy", org.hamcrest.Matchers.nullValue());
        as(Api.ADMIN).get(path).then().statusCode(200);
    }

    /** Finding 3: a word with an invisible character inside finds what the word finds, and a row is matched as it would be stored. */
    @Test
    void anInvisibleCharacterDefeatsNeitherSearchNorTheDuplicateCheck() {
        String word = Api.uniqueWord();
        Map<String, Object> registered = QuarterlyCycleTest.lucNgan("Vô Hình " + word);
        Api.createPerson(Api.UNIT_219, registered);
        String hidden = word.substring(0, 2) + "\u200B" + word.substring(2);
        as(Api.PROVINCE_24).queryParam("q", "Vô Hình " + hidden).get(Api.PERSONS).then().statusCode(200)
                .body("items.fullName", hasItem("Vô Hình " + word));
        as(Api.PROVINCE_24).queryParam("q", "Vô\u00A0\u00A0Hình " + hidden).get(Api.PERSONS).then().statusCode(200)
                .body("items.fullName", hasItem("Vô Hình " + word));

        String id = QuarterlyCycleTest.open(QuarterlyCycleTest.LUC_NGAN, QuarterlyCycleTest.period());
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        int i = 0;
        for (String twin : List.of("Vô Hình " + word, "Vô Hình " + hidden, "Vô Hình " + word.charAt(0) + "\u00AD" + word.substring(1),
                "Vô Hì\u200Dnh " + word, "Vô Hình " + word + "\u2060")) {
            Map<String, Object> data = new java.util.HashMap<>(registered);
            data.put("fullName", twin);
            rows.add(QuarterlyCycleTest.row("PERSON", "VH-" + (++i), "CREATE", data));
        }
        QuarterlyCycleTest.put(QuarterlyCycleTest.LUC_NGAN, id, rows, 200);
        as(QuarterlyCycleTest.LUC_NGAN).post("/api/v1/submissions/" + id + "/validate").then().statusCode(200)
                .body("warnings", is(5)).body("ok", is(0));
        as(QuarterlyCycleTest.LUC_NGAN).get("/api/v1/submissions/" + id + "/items").then()
                .body("items.data.fullName", org.hamcrest.Matchers.everyItem(is("Vô Hình " + word)));
    }

    private static String cursor(String xid, String seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1\u001f" + xid + "\u001f" + seq).getBytes(StandardCharsets.UTF_8));
    }
}
