package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.PROVINCE_52;
import static vn.diaspora.registry.Api.READER;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.create;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;

/** Duplicates end to end (issue 13): the scan fills the province's queue; a merge moves links and keeps histories; a dismissal is remembered. */
@QuarkusTest
class DuplicatesTest {
    static final String DUPLICATES = "/api/v1/duplicates";

    static Map<String, Object> withContact(String name, String email) {
        Map<String, Object> p = person(name);
        p.put("contacts", Map.of("email", email));
        return p;
    }

    /** Runs a scan of province 24 to its end. */
    static void scan() {
        String state = as(PROVINCE_24).body("{}").post(DUPLICATES + "/scans").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/duplicates/scans/")).extract().header("Location");
        for (int i = 0; i < 300; i++) {
            Map<String, Object> scan = as(PROVINCE_24).get(state).then().statusCode(200).extract().path("$");
            if (!"RUNNING".equals(scan.get("state"))) {
                assertEquals("DONE", scan.get("state"), "the scan ended: " + scan);
                assertEquals("24", scan.get("provinceCode"), "a province officer scans the province");
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the scan did not end");
    }

    static Map<String, Object> pairOf(String person, String reason) {
        List<Map<String, Object>> pairs = as(PROVINCE_24).queryParam("person", person).get(DUPLICATES).then().statusCode(200).extract().path("items");
        return pairs.stream().filter(p -> ((List<?>) p.get("reasons")).contains(reason)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + reason + " pair of " + person + " in " + pairs));
    }

    /** Issue 23, finding 6 (high): an erasure reaches the record merged into the erased person, its history and its feed events. */
    @Test
    void mergeThenEraseLeavesTheMergedAwayRecordWithoutPersonalData() {
        String word = Api.uniqueWord();
        String before = ChangeFeedTest.head();
        String kept = createPerson(PROVINCE_24, withContact("Xóa Sau Gộp " + word, word + "@example.vn"));
        Map<String, Object> twin = withContact("XOA SAU GOP " + word.toUpperCase(), word + ".twin@example.vn");
        twin.put("notes", "Ghi chú riêng " + word);
        String merged = createPerson(PROVINCE_24, twin);
        scan();
        String pairId = (String) pairOf(kept, "SAME_NAME_BIRTH_YEAR_HOMETOWN").get("id");
        as(PROVINCE_24).body(Map.of("survivorId", kept, "survivorVersion", 1, "otherVersion", 1, "fromOther", List.of("notes")))
                .post(DUPLICATES + "/" + pairId + "/merge").then().statusCode(200);

        as(Api.ADMIN).body(Map.of("reason", "the person's request")).post(PERSONS + "/" + kept + "/erasure").then().statusCode(204);

        for (String token : List.of(PROVINCE_24, Api.UNIT_219, Api.ADMIN)) {
            String history = as(token).get(PERSONS + "/" + merged + "/history").then().extract().asString();
            assertFalse(history.toLowerCase().contains(word), "no name, e-mail or note of the merged-away record in its history: " + history);
        }
        for (String token : List.of(READER, PROVINCE_24, Api.ADMIN)) {
            String feed = ChangeFeedTest.events(token, before, merged).toString() + ChangeFeedTest.events(token, before, kept);
            assertFalse(feed.toLowerCase().contains(word), "no personal data in either record's events: " + feed);
            assertTrue(feed.contains("vn.diaspora.person.erased"), "both erasures are in the feed: " + feed);
        }
        as(PROVINCE_24).queryParam("q", "Xóa Sau Gộp " + word).get(PERSONS).then().statusCode(200).body("items.size()", is(0));
    }

    @Test
    void scanFindsPairsAndAMergeMovesLinksKeepsHistoriesAndIsInTheFeed() {
        String word = Api.uniqueWord();
        String email = word + "@example.vn";
        String kept = createPerson(PROVINCE_24, withContact("Trùng Lặp " + word, email));
        Map<String, Object> twin = withContact("TRUNG LAP " + word.toUpperCase(), word + ".other@example.vn");
        twin.put("occupation", "Kỹ sư cầu đường");
        String merged = createPerson(PROVINCE_24, twin);
        String sameMail = createPerson(PROVINCE_24, withContact("Người Khác Hẳn " + Api.uniqueWord(), email.toUpperCase()));
        String association = create(PROVINCE_24, LinkedRecordsTest.ASSOCIATIONS, Map.of("name", "Hội " + word, "kind", "HOMETOWN",
                "country", "JP", "reportingUnit", "213", "members", List.of(Map.of("personId", kept, "role", "MEMBER"),
                        Map.of("personId", merged, "role", "MEMBER"), Map.of("personId", merged, "role", "CHAIR"))))
                .statusCode(201).extract().path("id");
        Map<String, Object> gift = new HashMap<>(Map.of("kind", "CHARITY", "date", "2026-02-10", "amount", 1000000, "currency", "VND",
                "description", "Quà " + word, "personId", merged));
        String contribution = create(PROVINCE_24, LinkedRecordsTest.CONTRIBUTIONS, gift).statusCode(201).extract().path("id");

        scan();
        Map<String, Object> pair = pairOf(kept, "SAME_NAME_BIRTH_YEAR_HOMETOWN");
        String pairId = (String) pair.get("id");
        assertEquals(List.of(kept, merged).stream().sorted().toList(), List.of(pair.get("personA"), pair.get("personB")).stream().sorted().toList());
        assertEquals(2, ((List<?>) pair.get("persons")).size(), "both persons side by side");
        assertEquals("24", pair.get("provinceCode"));
        Map<String, Object> contactPair = pairOf(sameMail, "SAME_CONTACT");
        assertTrue(List.of(contactPair.get("personA"), contactPair.get("personB")).contains(kept), "the same e-mail, whatever its case");
        as(PROVINCE_52).get(DUPLICATES + "/" + pairId).then().statusCode(404);
        as(READER).get(DUPLICATES).then().statusCode(403);
        as(PROVINCE_52).queryParam("person", kept).get(DUPLICATES).then().statusCode(200).body("items.size()", is(0));

        // refusals first: nothing is written by them
        as(PROVINCE_24).body(Map.of("survivorId", sameMail, "survivorVersion", 1, "otherVersion", 1)).post(DUPLICATES + "/" + pairId + "/merge")
                .then().statusCode(422).body("errors[0].field", is("survivorId"));
        as(PROVINCE_24).body(Map.of("survivorId", kept, "survivorVersion", 1, "otherVersion", 1, "fromOther", List.of("salary")))
                .post(DUPLICATES + "/" + pairId + "/merge").then().statusCode(422).body("errors[0].field", is("fromOther[0]"));
        as(PROVINCE_24).body(Map.of("survivorId", kept, "survivorVersion", 7, "otherVersion", 1)).post(DUPLICATES + "/" + pairId + "/merge")
                .then().statusCode(412);

        String after = ChangeFeedTest.head();
        Map<String, Object> request = Map.of("survivorId", kept, "survivorVersion", 1, "otherVersion", 1, "fromOther", List.of("occupation"));
        as(PROVINCE_24).body(request).post(DUPLICATES + "/" + pairId + "/merge").then().statusCode(200)
                .body("status", is("MERGED")).body("survivor", is(kept)).body("persons.id", contains(kept));
        as(PROVINCE_24).body(request).post(DUPLICATES + "/" + pairId + "/merge").then().statusCode(200)
                .body("status", is("MERGED")).body("survivor", is(kept));

        as(PROVINCE_24).get(PERSONS + "/" + kept).then().statusCode(200).body("version", is(2))
                .body("occupation", is("Kỹ sư cầu đường")).body("contacts.email", is(email)).body("fullName", is("Trùng Lặp " + word));
        as(PROVINCE_24).redirects().follow(false).get(PERSONS + "/" + merged).then().statusCode(308)
                .header("Location", endsWith("/api/v1/persons/" + kept)).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString(kept));
        as(PROVINCE_52).redirects().follow(false).get(PERSONS + "/" + merged).then().statusCode(404);
        as(PROVINCE_24).get(PERSONS + "/" + merged + "/history").then().statusCode(200)
                .body("items[0].action", is("DELETE")).body("items[0].reason", is("merged into " + kept)).body("items.size()", is(2));
        as(PROVINCE_24).get(PERSONS + "/" + kept + "/history").then().body("items[0].reason", is("merged with " + merged))
                .body("items[0].changedFields", contains("occupation"));
        as(PROVINCE_24).get(LinkedRecordsTest.ASSOCIATIONS + "/" + association).then().statusCode(200).body("version", is(2))
                .body("members.personId", contains(kept, kept)).body("members.role", contains("MEMBER", "CHAIR"));
        as(PROVINCE_24).get(LinkedRecordsTest.CONTRIBUTIONS + "/" + contribution).then().body("personId", is(kept)).body("version", is(2));

        List<Map<String, Object>> loser = ChangeFeedTest.events(PROVINCE_24, after, merged);
        assertEquals(List.of("vn.diaspora.person.merged"), loser.stream().map(e -> e.get("type")).toList(), "one merged event, once");
        assertEquals(Map.of("version", 2, "mergedInto", kept), loser.get(0).get("data"));
        assertEquals(List.of("vn.diaspora.person.updated"), ChangeFeedTest.events(PROVINCE_24, after, kept).stream().map(e -> e.get("type")).toList());
        assertEquals(List.of("vn.diaspora.association.updated"), ChangeFeedTest.events(PROVINCE_24, after, association).stream().map(e -> e.get("type")).toList());
        assertEquals(List.of("vn.diaspora.contribution.updated"), ChangeFeedTest.events(PROVINCE_24, after, contribution).stream().map(e -> e.get("type")).toList());
        as(PROVINCE_24).queryParam("person", merged).get(DUPLICATES).then().body("items.size()", is(0));
    }

    @Test
    void notADuplicateIsRememberedAndNeverComesBack() {
        String word = Api.uniqueWord();
        String a = createPerson(PROVINCE_24, withContact("Hai Anh Em " + word, word + "@a.example"));
        String b = createPerson(PROVINCE_24, withContact("Hai Anh Em " + word, word + "@b.example"));
        scan();
        String pairId = (String) pairOf(a, "SAME_NAME_BIRTH_YEAR_HOMETOWN").get("id");
        as(PROVINCE_24).body(Map.of("note", "two brothers, born the same year")).post(DUPLICATES + "/" + pairId + "/not-duplicate")
                .then().statusCode(200).body("status", is("NOT_DUPLICATE")).body("note", is("two brothers, born the same year"));
        as(PROVINCE_24).body("{}").post(DUPLICATES + "/" + pairId + "/not-duplicate").then().statusCode(200).body("status", is("NOT_DUPLICATE"));
        as(PROVINCE_24).body(Map.of("survivorId", a, "survivorVersion", 1, "otherVersion", 1)).post(DUPLICATES + "/" + pairId + "/merge")
                .then().statusCode(409);
        scan();
        as(PROVINCE_24).queryParam("person", b).get(DUPLICATES).then().body("items.size()", is(0));
        as(PROVINCE_24).queryParam("person", b).queryParam("status", "NOT_DUPLICATE").get(DUPLICATES).then().body("items.id", contains(pairId));
        as(ADMIN).get(DUPLICATES + "/" + pairId).then().statusCode(200).body("status", is("NOT_DUPLICATE"))
                .body("decidedBy", org.hamcrest.Matchers.notNullValue());
        as(PROVINCE_24).get(PERSONS + "/" + a).then().statusCode(200).body("version", is(1));
        as(PROVINCE_24).body(Map.of("provinceCode", "52")).post(DUPLICATES + "/scans").then().statusCode(403);
        as(PROVINCE_24).queryParam("status", "MAYBE").get(DUPLICATES).then().statusCode(400).body("errors[0].field", is("status"));
        as(PROVINCE_24).get(DUPLICATES).then().statusCode(200).body("items.status", org.hamcrest.Matchers.everyItem(is("OPEN")));
        hasItem(a);
    }
}
