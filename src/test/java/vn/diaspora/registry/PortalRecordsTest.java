package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;

/** Records in the portal (issue 12): the API's search, a record with its history, a change under the ETag rules, 412 in words. */
@QuarkusTest
class PortalRecordsTest {

    /** The results page of an officer's search of persons. */
    static String search(Browser officer, String q) {
        officer.get("/portal/records", 200);
        return officer.post("/portal/records", Map.of("kind", "persons", "q", q)).asString();
    }

    @Test
    void anOfficerFindsARecordWithoutDiacriticsChangesItAndAStaleChangeOverwritesNothing() {
        String word = Api.uniqueWord();
        String id = Api.createPerson(Api.UNIT_219, QuarterlyCycleTest.lucNgan("Phạm Thị Hòa " + word));
        Browser b = Browser.signedInAs("luc-ngan");
        String results = search(b, "pham thi hoa " + word.toLowerCase());
        assertTrue(results.contains("/portal/record?kind=persons&amp;id=" + id), results);

        String page = b.get("/portal/record?kind=persons&id=" + id, 200);
        assertTrue(page.contains("Phiên bản 1") && page.contains("value=\"Osaka\""), page);
        Matcher city = Pattern.compile("name=\"f:city\"").matcher(page);
        assertTrue(city.find(), "the city is a text box");

        Browser other = Browser.signedInAs("luc-ngan");
        other.get("/portal/record?kind=persons&id=" + id, 200);  // reads version 1 too

        Response saved = b.post("/portal/record/persons/" + id, Map.of("version", "1", "f:city", "Kyoto"));
        assertEquals(303, saved.statusCode(), saved.asString());
        assertTrue(b.get(saved.header("Location").replaceFirst("^https?://[^/]+", ""), 200).contains("Đã lưu"));
        as(Api.UNIT_219).get(Api.PERSONS + "/" + id).then().statusCode(200)
                .body("city", org.hamcrest.Matchers.is("Kyoto")).body("version", org.hamcrest.Matchers.is(2));

        Response stale = other.post("/portal/record/persons/" + id, Map.of("version", "1", "f:city", "Nara"));
        assertEquals(412, stale.statusCode());
        assertTrue(stale.asString().contains("vừa được người khác sửa") && stale.asString().contains("value=\"Kyoto\""), stale.asString());
        as(Api.UNIT_219).get(Api.PERSONS + "/" + id).then().body("city", org.hamcrest.Matchers.is("Kyoto"));

        String history = b.get("/portal/record?kind=persons&id=" + id, 200);
        assertTrue(history.contains("city") && history.contains("Phiên bản 2"), "the history names the changed field");
    }

    @Test
    void anotherProvinceFindsNothingOfItAndCannotOpenIt() {
        String word = Api.uniqueWord();
        String id = Api.createPerson(Api.UNIT_219, QuarterlyCycleTest.lucNgan("Đỗ Văn Khánh " + word));
        Browser binhDinh = Browser.signedInAs("binh-dinh");
        String results = search(binhDinh, "Đỗ Văn Khánh " + word);
        assertTrue(results.contains("0 kết quả") && !results.contains(id) && !results.contains("/portal/record?"), results);
        int api = as(QuarterlyCycleTest.BINH_DINH).get(Api.PERSONS + "/" + id).then().extract().statusCode();
        String page = binhDinh.get("/portal/record?kind=persons&id=" + id, api);
        assertFalse(page.contains(word), "no trace of the record");
    }
}
