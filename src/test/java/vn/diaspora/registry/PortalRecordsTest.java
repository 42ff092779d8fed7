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
        assertTrue(results.contains("Không có hồ sơ nào") && !results.contains(id) && !results.contains("/portal/record?"), results);
        int api = as(QuarterlyCycleTest.BINH_DINH).get(Api.PERSONS + "/" + id).then().extract().statusCode();
        String page = binhDinh.get("/portal/record?kind=persons&id=" + id, api);
        assertFalse(page.contains(word), "no trace of the record");
    }

    /** Issue 22: a unit lists its own records, a page at a time, filtered, its values as officials know them, never another unit's. */
    @Test
    void aUnitListsItsOwnRecordsFilteredWithValuesAsOfficialsKnowThem() {
        java.util.Map<String, Object> data = QuarterlyCycleTest.lucNgan("Danh Sách " + Api.uniqueWord());
        data.put("country", "KR");
        data.put("sex", "FEMALE");
        data.put("birthDate", "1990-03-05");
        data.remove("birthYear");
        String id = Api.createPerson(Api.UNIT_219, data);
        Browser unit = Browser.signedInAs("luc-ngan");
        String list = unit.get("/portal/records?kind=persons&country=KR", 200);
        assertTrue(list.contains("/portal/record?kind=persons&amp;id=" + id) && list.contains("Hàn Quốc (KR)"), list);
        assertFalse(unit.get("/portal/records?kind=persons&country=" + "Nhật Bản (JP)", 200).contains(id), "filtered by country");
        assertTrue(unit.get("/portal/records?kind=persons&country=" + "Hàn Quốc (KR)" + "&status=ACTIVE", 200).contains(id),
                "a country as its dropdown choice, a status as its code");
        assertEquals(400, unit.request().get("/portal/records?country=Atlantis").statusCode());
        assertFalse(Browser.signedInAs("yen-the").get("/portal/records?kind=persons&country=KR", 200).contains(id), "another unit's list");

        String record = unit.get("/portal/record?kind=persons&id=" + id, 200);
        assertTrue(record.contains("value=\"Hàn Quốc (KR)\"") && record.contains("value=\"Nữ\"") && record.contains("value=\"05/03/1990\""),
                "codes as labels, dates as dd/MM/yyyy: " + record);
        assertFalse(record.contains("value=\"FEMALE\"") || record.contains("value=\"KR\""), "no code in a field");
        assertTrue(record.indexOf("Họ và tên") < record.indexOf("Giới tính"), "the name first, in the template's order");
        io.restassured.response.Response saved = unit.post("/portal/record/persons/" + id, java.util.Map.of("version", "1", "f:country", "Nhật Bản (JP)",
                "f:sex", "Nữ", "f:birthDate", "05/03/1990"));
        assertEquals(303, saved.statusCode(), saved.asString());
        as(QuarterlyCycleTest.LUC_NGAN).get(Api.PERSONS + "/" + id).then().body("country", org.hamcrest.Matchers.is("JP"))
                .body("sex", org.hamcrest.Matchers.is("FEMALE")).body("birthDate", org.hamcrest.Matchers.is("1990-03-05")).body("version", org.hamcrest.Matchers.is(2));
    }
}
