package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.QuarterlyCycleTest.BAC_GIANG;
import static vn.diaspora.registry.QuarterlyCycleTest.LUC_NGAN;
import static vn.diaspora.registry.QuarterlyCycleTest.lucNgan;
import static vn.diaspora.registry.QuarterlyCycleTest.open;
import static vn.diaspora.registry.QuarterlyCycleTest.period;
import static vn.diaspora.registry.QuarterlyCycleTest.put;
import static vn.diaspora.registry.QuarterlyCycleTest.row;

/** Decisions belong to people (issue 10): errors block submit, likely duplicates block accept until decided, comments per row. */
@QuarkusTest
class ReviewDecisionTest {
    static final String SUBMISSIONS = "/api/v1/submissions/";

    @Test
    void aSubmissionWithErrorRowsCannotBeSubmitted() {
        Map<String, Object> bad = lucNgan("Sai Quê " + Api.unique());
        bad.put("hometownCode", "99999");
        String id = open(LUC_NGAN, period());
        put(LUC_NGAN, id, List.of(row("PERSON", "R1", "CREATE", bad)), 200);
        as(LUC_NGAN).post(SUBMISSIONS + id + "/submit").then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("PERSON R1 hometownCode"));
        as(LUC_NGAN).get(SUBMISSIONS + id).then().body("state", is("DRAFT"));
    }

    /** A draft of Lục Ngạn whose row D1 creates a person named like one already in the registry. */
    private record Duplicate(String existing, String submission, Map<String, Object> row) {
    }

    private static Duplicate draftWithALikelyDuplicate() {
        String name = "Trùng Tên " + Api.uniqueWord();
        String existing = createPerson(ADMIN, lucNgan(name));
        String id = open(LUC_NGAN, period());
        Map<String, Object> row = row("PERSON", "D1", "CREATE", lucNgan(name));
        put(LUC_NGAN, id, List.of(row), 200);
        return new Duplicate(existing, id, row);
    }

    @Test
    void aLikelyDuplicateBlocksAcceptUntilSomeoneDecides() {
        Duplicate d = draftWithALikelyDuplicate();
        String existing = d.existing();
        String id = d.submission();
        as(LUC_NGAN).post(SUBMISSIONS + id + "/validate").then().body("warnings", is(1));
        as(LUC_NGAN).post(SUBMISSIONS + id + "/submit").then().statusCode(200);
        as(BAC_GIANG).post(SUBMISSIONS + id + "/accept").then().statusCode(409).body("errors.field", hasItem("PERSON D1 fullName"));
        as(BAC_GIANG).body(Map.of("personId", java.util.UUID.randomUUID().toString()))
                .post(SUBMISSIONS + id + "/items/PERSON/D1/not-duplicate").then().statusCode(404);
        as(BAC_GIANG).body(Map.of("personId", existing)).post(SUBMISSIONS + id + "/items/PERSON/D1/not-duplicate").then()
                .statusCode(200).body("warnings", is(0)).body("ok", is(1));
        as(BAC_GIANG).post(SUBMISSIONS + id + "/accept").then().statusCode(200).body("state", is("ACCEPTED"));
    }

    @Test
    void theUnitDecidesWhileEditingAndTheDecisionOutlivesAReupload() {
        Duplicate d = draftWithALikelyDuplicate();
        String existing = d.existing();
        String id = d.submission();
        as(LUC_NGAN).body(Map.of("personId", existing)).post(SUBMISSIONS + id + "/items/PERSON/D1/not-duplicate").then().statusCode(200)
                .body("warnings", is(0));
        put(LUC_NGAN, id, List.of(d.row()), 200);
        as(LUC_NGAN).post(SUBMISSIONS + id + "/validate").then().body("warnings", is(0));
        as(Tokens.unitOfficer("213")).body(Map.of("personId", existing)).post(SUBMISSIONS + id + "/items/PERSON/D1/not-duplicate")
                .then().statusCode(404);
    }

    @Test
    void rowCommentsBelongToTheirReview() {
        String id = open(LUC_NGAN, period());
        put(LUC_NGAN, id, List.of(row("PERSON", "C1", "CREATE", lucNgan("Có Nhận Xét " + Api.unique()))), 200);
        as(LUC_NGAN).post(SUBMISSIONS + id + "/submit").then().statusCode(200);
        as(BAC_GIANG).body(Map.of("comment", "Xem lại dòng C1", "rows", List.of(Map.of("kind", "PERSON", "rowKey", "C1", "comment", "Thiếu thành phố"))))
                .post(SUBMISSIONS + id + "/return").then().statusCode(200);
        as(LUC_NGAN).get(SUBMISSIONS + id + "/items").then().body("items[0].reviewComment", is("Thiếu thành phố"));
        as(LUC_NGAN).post(SUBMISSIONS + id + "/submit").then().statusCode(200);
        // as curl sends it: no body, no Content-Type
        io.restassured.RestAssured.given().auth().oauth2(BAC_GIANG).post(SUBMISSIONS + id + "/accept").then().statusCode(200);
        as(LUC_NGAN).get(SUBMISSIONS + id + "/items").then().body("items[0].reviewComment", nullValue());
    }

    /** Issue 22: the Department filters the likely duplicates and decides many at once; one in another province is the registry admin's. */
    @Test
    void theDepartmentDecidesManyLikelyDuplicatesAtOnceAndAnotherProvincesIsTheAdminsToDecide() {
        String word = Api.uniqueWord();
        List<String> names = List.of("Trùng Một " + word, "Trùng Hai " + word, "Trùng Ba " + word);
        names.forEach(n -> createPerson(ADMIN, lucNgan(n)));
        Map<String, Object> there = Api.person("Trùng Tỉnh Khác " + word);
        there.put("hometownCode", "21913");
        String elsewhere = createPerson(Tokens.unitOfficer("549"), there);
        String id = open(LUC_NGAN, period());
        put(LUC_NGAN, id, List.of(row("PERSON", "D1", "CREATE", lucNgan(names.get(0))), row("PERSON", "D2", "CREATE", lucNgan(names.get(1))),
                row("PERSON", "D3", "CREATE", lucNgan(names.get(2))), row("PERSON", "D4", "CREATE", lucNgan("Trùng Tỉnh Khác " + word)),
                row("PERSON", "KHONG-TRUNG", "CREATE", lucNgan("Người Riêng " + word))), 200);
        as(LUC_NGAN).post(SUBMISSIONS + id + "/submit").then().statusCode(200);

        Browser b = Browser.signedInAs("bac-giang");
        String all = b.get("/portal/review?id=" + id, 200);
        assertTrue(all.contains("id=\"only-duplicates\"") && all.contains("code=LIKELY_DUPLICATE\" class=\"code-filter\""), "filters by each code found: " + all);
        String byCode = b.get("/portal/review?id=" + id + "&code=LIKELY_DUPLICATE", 200);
        assertTrue(byCode.contains(names.get(1)) && !byCode.contains("KHONG-TRUNG"), "the rows of that code only");
        b.get("/portal/review?id=" + id + "&code=NO_SUCH_CODE", 400);
        String duplicates = b.get("/portal/review?id=" + id + "&only=duplicates", 200);
        assertFalse(duplicates.contains("KHONG-TRUNG"), "only the rows with a likely duplicate");
        assertFalse(duplicates.contains("· D4"), "nor one the Department cannot decide (another province's person)");
        assertTrue(duplicates.contains(names.get(0)), duplicates);
        assertTrue(duplicates.contains("Email: <strong>trùng</strong>") && duplicates.contains("Điện thoại: <strong>trùng</strong>"),
                "the same contacts, told by their blind keys: " + duplicates);
        java.util.regex.Matcher boxes = java.util.regex.Pattern.compile("name=\"nd\" value=\"([^\"]+)\"").matcher(duplicates);
        List<String> pairs = new java.util.ArrayList<>();
        while (boxes.find()) {
            pairs.add(boxes.group(1));
        }
        assertEquals(3, pairs.size(), "a box per duplicate the Department may read, none for another province's: " + pairs);
        assertEquals(400, b.postAll("/portal/review/" + id + "/not-duplicates", Map.of("nd", pairs)).statusCode(), "only the confirm button decides");
        io.restassured.response.Response decided = b.postAll("/portal/review/" + id + "/not-duplicates", Map.of("nd", pairs, "decision", List.of("not-duplicate")));
        assertEquals(303, decided.statusCode(), decided.asString());
        as(BAC_GIANG).post(SUBMISSIONS + id + "/validate").then().body("warnings", is(1))
                .body("findings.find { it.rowKey == 'D4' }.code", is("LIKELY_DUPLICATE_ELSEWHERE"));
        as(BAC_GIANG).post(SUBMISSIONS + id + "/accept").then().statusCode(409);
        as(BAC_GIANG).body(Map.of("personId", elsewhere)).post(SUBMISSIONS + id + "/items/PERSON/D4/not-duplicate").then().statusCode(404);
        as(ADMIN).body(Map.of("personId", elsewhere)).post(SUBMISSIONS + id + "/items/PERSON/D4/not-duplicate").then().statusCode(200)
                .body("warnings", is(0));
        as(BAC_GIANG).post(SUBMISSIONS + id + "/accept").then().statusCode(200).body("state", is("ACCEPTED"));
    }

    /** Issue 22: the Department turns ticked likely duplicates into changes of the registered persons, which the accept applies. */
    @Test
    void theDepartmentTurnsLikelyDuplicatesIntoUpdatesOfTheRegisteredPersons() {
        String word = Api.uniqueWord();
        String first = createPerson(ADMIN, lucNgan("Cùng Người Một " + word));
        String second = createPerson(ADMIN, lucNgan("Cùng Người Hai " + word));
        Map<String, Object> one = lucNgan("Cùng Người Một " + word);
        one.put("city", "Sendai");
        Map<String, Object> two = lucNgan("Cùng Người Hai " + word);
        two.put("city", "Kobe");
        String id = open(LUC_NGAN, period());
        put(LUC_NGAN, id, List.of(row("PERSON", "U1", "CREATE", one), row("PERSON", "U2", "CREATE", two)), 200);
        as(LUC_NGAN).post(SUBMISSIONS + id + "/submit").then().statusCode(200);

        Browser b = Browser.signedInAs("bac-giang");
        String duplicates = b.get("/portal/review?id=" + id + "&only=duplicates", 200);
        assertTrue(duplicates.contains("id=\"update-existing-panel\""), duplicates);
        List<String> pairs = List.of("PERSON|U1|" + first, "PERSON|U2|" + second);
        assertEquals(400, b.postAll("/portal/review/" + id + "/update-existing", Map.of("nd", pairs)).statusCode(), "only the confirm button decides");
        assertEquals(303, b.postAll("/portal/review/" + id + "/update-existing", Map.of("nd", pairs, "decision", List.of("update-existing"))).statusCode());
        as(BAC_GIANG).get(SUBMISSIONS + id + "/items").then()
                .body("items.find { it.rowKey == 'U1' }.action", is("UPDATE")).body("items.find { it.rowKey == 'U1' }.recordId", is(first))
                .body("items.find { it.rowKey == 'U2' }.baseVersion", is(1));
        as(BAC_GIANG).post(SUBMISSIONS + id + "/validate").then().body("warnings", is(0)).body("errors", is(0));
        as(BAC_GIANG).post(SUBMISSIONS + id + "/accept").then().statusCode(200);
        as(ADMIN).get(Api.PERSONS + "/" + first).then().body("city", is("Sendai")).body("version", is(2));
        as(ADMIN).get(Api.PERSONS + "/" + second).then().body("city", is("Kobe")).body("version", is(2));
    }
}
