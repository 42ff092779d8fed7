package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.QuarterlyCycleTest.LUC_NGAN;
import static vn.diaspora.registry.QuarterlyCycleTest.lucNgan;
import static vn.diaspora.registry.QuarterlyCycleTest.open;
import static vn.diaspora.registry.QuarterlyCycleTest.put;
import static vn.diaspora.registry.QuarterlyCycleTest.row;
import static vn.diaspora.registry.QuarterlyCycleTest.submit;

/** The province officer's pages (issue 12): completeness, review with changes against the record, return with a row comment, accept, figures. */
@QuarkusTest
class PortalProvinceTest {

    /** A submitted report of Lục Ngạn for a fresh period: one new person, one change of an existing person's city. */
    static String[] submitted() {
        String period = QuarterlyCycleTest.period();
        String existing = Api.createPerson(Api.UNIT_219, lucNgan("Đã Có " + Api.uniqueWord()));
        Map<String, Object> city = new java.util.HashMap<>(Map.of("city", "Nagoya"));
        Map<String, Object> change = QuarterlyCycleTest.change("LN-2", existing, 1, city);
        String id = open(LUC_NGAN, period);
        put(LUC_NGAN, id, List.of(row("PERSON", "LN-1", "CREATE", lucNgan("Người Mới " + Api.uniqueWord())), change), 200);
        submit(id);
        return new String[] {period, id};
    }

    @Test
    void theProvinceSeesTheUnitSubmittedReviewsItsChangesReturnsItThenAcceptsTheMendedOne() {
        String[] s = submitted();
        String period = s[0];
        String id = s[1];
        Browser b = Browser.signedInAs("bac-giang");
        assertEquals("/portal/province", java.net.URI.create(b.request().get("/portal").header("Location")).getPath());
        String completeness = b.get("/portal/province?period=" + period, 200);
        String lucNganRow = completeness.substring(completeness.indexOf("(219)"));
        lucNganRow = lucNganRow.substring(0, lucNganRow.indexOf("</tr>"));
        assertTrue(lucNganRow.contains("Đã gửi") && lucNganRow.contains("/portal/review?id=" + id), lucNganRow);

        String review = b.get("/portal/review?id=" + id, 200);
        assertTrue(review.contains("<th scope=\"row\" title=\"city\">Thành phố</th><td class=\"old\">Osaka</td><td class=\"new\">Nagoya</td>"), review);
        assertTrue(review.contains("name=\"row:PERSON:LN-1\""), "a comment field per row");
        assertTrue(review.contains("Duyệt 2 dòng: 1 thêm mới, 1 sửa, 0 xóa"), "the confirmation says what an accept does");
        Response returned = b.post("/portal/review/" + id + "/return", Map.of("decision", "return", "comment", "Xem lại", "row:PERSON:LN-2", "Thành phố chưa đúng"));
        assertEquals(303, returned.statusCode(), returned.asString());
        String after = b.get("/portal/review?id=" + id, 200);
        assertTrue(after.contains("Bị trả lại") && after.contains("Thành phố chưa đúng"), after);
        as(LUC_NGAN).get("/api/v1/submissions/" + id + "/items").then().statusCode(200)
                .body("items.find { it.rowKey == 'LN-2' }.reviewComment", org.hamcrest.Matchers.is("Thành phố chưa đúng"));

        Browser unit = Browser.signedInAs("luc-ngan");
        String unitPage = unit.get("/portal/submission?id=" + id, 200);
        assertTrue(unitPage.contains("Xem lại"), "the unit reads the reviewer's comment");
        assertEquals(303, unit.post("/portal/submissions/" + id + "/submit", Map.of("decision", "submit")).statusCode());

        assertEquals(303, b.post("/portal/review/" + id + "/accept", Map.of("decision", "accept")).statusCode());
        assertTrue(b.get("/portal/review?id=" + id, 200).contains("Đã duyệt"));
        assertTrue(b.get("/portal/province?period=" + period, 200).contains("Đã duyệt"));
    }

    @Test
    void theYearlyReportPageShowsTheFiguresAndItsWorkbookOpens() throws Exception {
        String[] s = submitted();
        String year = s[0].substring(0, 4);
        Browser b = Browser.signedInAs("bac-giang");
        assertEquals(303, b.post("/portal/review/" + s[1] + "/accept", Map.of("decision", "accept")).statusCode());
        String page = b.get("/portal/province/yearly?year=" + year, 200);
        assertTrue(page.contains("Báo cáo năm " + year) && page.contains("Người Việt Nam ở nước ngoài theo quốc gia cư trú"), page);
        String known = page.substring(page.indexOf("<strong id=\"known\">") + 19);
        known = known.substring(0, known.indexOf('<'));
        byte[] xlsx = b.request().get("/portal/province/yearly.xlsx?year=" + year + "&asKnownAt=" + known).then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("Báo cáo năm " + year, wb.getFirstSheet().getName());
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(3);
        String finished = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        assertTrue(b.get("/portal/province/statistics", 200).contains("Thống kê kỳ " + finished), "statistics open on the last finished quarter");
        assertEquals(400, b.request().get("/portal/province/statistics.csv?period=" + s[0]).statusCode(), "groupBy is required, not a 500");
        String stats = b.get("/portal/province/statistics?period=" + s[0], 200);
        assertTrue(stats.contains("Người ở nước ngoài theo quốc gia") && stats.contains("<caption>"), "a table view of every chart");
        String csv = b.request().get("/portal/province/statistics.csv?period=" + s[0] + "&groupBy=COUNTRY").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("\ufeffMã;Tên;"), csv);
    }

    /** Each officer gets on the portal the answer the API gives them for the same submission: a foreign one is not found. */
    @Test
    void officersSeeOnlyTheirOwnUnitsAndProvinces() {
        String[] s = submitted();
        String api = "/api/v1/submissions/" + s[1];
        int foreignStatus = as(QuarterlyCycleTest.BINH_DINH).get(api).then().extract().statusCode();
        assertEquals(404, foreignStatus);
        String foreign = Browser.signedInAs("binh-dinh").get("/portal/review?id=" + s[1], foreignStatus);
        assertFalse(foreign.contains("Người Mới") || foreign.contains("Lục Ngạn"), "nothing of Bắc Giang on a page of Bình Định");
        int otherUnitStatus = as(QuarterlyCycleTest.YEN_THE).get(api).then().extract().statusCode();
        Browser.signedInAs("yen-the").get("/portal/submission?id=" + s[1], otherUnitStatus);
        Browser unit = Browser.signedInAs("luc-ngan");
        unit.get("/portal/review?id=" + s[1], 403);  // the review is the province's
        unit.get("/portal/province", 403);
        Browser.signedInAs("bac-giang").get("/portal/unit", 403);
    }
}
