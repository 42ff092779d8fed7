package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.QuarterlyCycleTest.LUC_NGAN;
import static vn.diaspora.registry.QuarterlyCycleTest.lucNgan;
import static vn.diaspora.registry.QuarterlyCycleTest.open;
import static vn.diaspora.registry.QuarterlyCycleTest.put;
import static vn.diaspora.registry.QuarterlyCycleTest.row;

/** A row on the portal (issue 12): mended in place by the file rules, and a likely duplicate decided with both records side by side. */
@QuarkusTest
class PortalRowTest {
    static final String ITEMS = "/api/v1/submissions/";

    @Test
    void aBadRowIsMendedInPlaceAndABadMendIsShownNotStored() {
        Map<String, Object> bad = lucNgan("Sửa Tại Chỗ " + Api.uniqueWord());
        bad.put("hometownCode", "99999");
        String id = open(LUC_NGAN, QuarterlyCycleTest.period());
        put(LUC_NGAN, id, List.of(row("PERSON", "M-1", "CREATE", bad)), 200);
        Browser b = Browser.signedInAs("luc-ngan");
        String report = b.get("/portal/submission?id=" + id, 200);
        assertTrue(report.contains("/portal/row?id=" + id + "&amp;kind=PERSON&amp;key=M-1"), "a link to mend the row");
        String page = b.get("/portal/row?id=" + id + "&kind=PERSON&key=M-1", 200);
        assertTrue(page.contains("name=\"c:Mã quê quán\" value=\"99999\""), page);

        Response wrong = b.post("/portal/submissions/" + id + "/row", Map.of("kind", "PERSON", "key", "M-1", "c:Thao tác", "Bay",
                "c:Họ và tên", (String) bad.get("fullName"), "c:Mã quê quán", "07591", "c:Quốc gia cư trú", "JP"));
        assertEquals(303, wrong.statusCode(), "an unknown action is refused by the file rules, shown after a redirect");
        String refused = b.get(wrong.header("Location").replaceFirst("^https?://[^/]+", ""), 200);
        assertTrue(refused.contains("Dòng chưa được lưu") && refused.contains("value=\"Bay\""), "the refusal and the cells as typed: " + refused);
        as(LUC_NGAN).get(ITEMS + id + "/items").then().body("items[0].data.hometownCode", is("99999"));

        Response mended = b.post("/portal/submissions/" + id + "/row", Map.of("kind", "PERSON", "key", "M-1", "c:Thao tác", "Thêm",
                "c:Họ và tên", (String) bad.get("fullName"), "c:Mã quê quán", "07591", "c:Quốc gia cư trú", "Nhật Bản (JP)", "c:Năm sinh", "1988"));
        assertEquals(303, mended.statusCode(), mended.asString());
        as(LUC_NGAN).get(ITEMS + id + "/items").then().body("items[0].data.hometownCode", is("07591")).body("items[0].data.country", is("JP"));
        as(LUC_NGAN).post(ITEMS + id + "/validate").then().body("errors", is(0)).body("ok", is(1));
    }

    @Test
    void aLikelyDuplicateIsComparedSideBySideThenDecided() {
        String name = "Trùng Ở Cổng " + Api.uniqueWord();
        String existing = Api.createPerson(Api.ADMIN, lucNgan(name));
        String id = open(LUC_NGAN, QuarterlyCycleTest.period());
        Map<String, Object> twin = lucNgan(name);
        twin.put("city", "Sapporo");
        put(LUC_NGAN, id, List.of(row("PERSON", "D-1", "CREATE", twin), row("PERSON", "D-2", "CREATE", lucNgan(name))), 200);
        Browser b = Browser.signedInAs("luc-ngan");
        String page = b.get("/portal/row?id=" + id + "&kind=PERSON&key=D-1", 200);
        assertTrue(page.contains("Có thể trùng") && page.contains("<td>Osaka</td><td>Sapporo</td>"), "both records side by side: " + page);

        assertEquals(303, b.post("/portal/submissions/" + id + "/not-duplicate", Map.of("kind", "PERSON", "key", "D-1", "person", existing)).statusCode());
        b.get("/portal/row?id=" + id + "&kind=PERSON&key=D-2", 200);
        String version = String.valueOf(as(LUC_NGAN).get(Api.PERSONS + "/" + existing).then().extract().<Integer>path("version"));
        assertEquals(303, b.post("/portal/submissions/" + id + "/update-existing",
                Map.of("kind", "PERSON", "key", "D-2", "person", existing, "version", version)).statusCode());
        as(LUC_NGAN).get(ITEMS + id + "/items").then()
                .body("items.find { it.rowKey == 'D-2' }.action", is("UPDATE"))
                .body("items.find { it.rowKey == 'D-2' }.recordId", is(existing));
        as(LUC_NGAN).post(ITEMS + id + "/validate").then().body("warnings", is(0)).body("errors", is(0));
    }
}
