package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unit officer's pages (issue 12): sign in, open a quarter, upload a file with a bad row, see it at its line, fix it, submit. */
@QuarkusTest
class PortalUnitTest {
    static final String HEADER = "\ufeffMã dòng;Thao tác;Họ và tên;Năm sinh;Mã quê quán;Quốc gia cư trú;Nghề nghiệp;Email\n";

    static byte[] csv(String... rows) {
        return (HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPageWithoutSignInGoesToTheSignInPage() {
        Response r = given().redirects().follow(false).get("/portal/unit");
        assertEquals(303, r.statusCode());
        assertEquals("/portal/dev-sign-in", java.net.URI.create(r.header("Location")).getPath());
    }

    @Test
    void aUnitOfficerReportsAQuarterFromAFileWithABadRowFixedInASecondUpload() {
        Browser b = Browser.signedInAs("luc-ngan");
        assertEquals("/portal/unit", java.net.URI.create(b.request().get("/portal").header("Location")).getPath());
        String periods = b.get("/portal/unit", 200);
        io.restassured.response.Response headers = b.request().get("/portal/unit");
        assertEquals("no-store", headers.header("Cache-Control"), "pages with personal data are never stored");
        assertTrue(headers.header("Content-Security-Policy").contains("script-src 'self'"), headers.header("Content-Security-Policy"));
        assertTrue(periods.contains("Các kỳ báo cáo của Huyện Lục Ngạn (219)"), periods);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        String current = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        assertFalse(periods.contains(">" + current + "<"), "a district reports no quarter after the 2025 reform: none is offered");
        assertTrue(periods.contains("lang=\"vi\""));

        String period = QuarterlyCycleTest.period();
        Response opened = b.post("/portal/unit/periods/" + period, Map.of());
        assertEquals(303, opened.statusCode(), opened.asString());
        String page = opened.header("Location").replaceFirst("^https?://[^/]+", "");
        String id = page.substring(page.indexOf("id=") + 3);
        assertTrue(b.get(page, 200).contains("Chưa có dòng nào"));

        String name = "Cổng Thông Tin " + Api.uniqueWord();
        Response refused = b.upload("/portal/submissions/" + id + "/upload", "bao-cao.csv", csv("P-1;Thêm;" + name + ";1980;07591;JP;Kỹ sư;p1@example.org",
                "P-2;Thêm;" + name + " Hai;1981;99999;JP;Kỹ sư;p2@example.org"), "text/csv");
        assertEquals(303, refused.statusCode(), "the file is stored; the bad row is a finding of the dry run: " + refused.asString());
        String report = b.get(page, 200);
        assertTrue(report.contains("2 dòng: 1 hợp lệ, 0 có cảnh báo, 1 có lỗi"), report);
        String errorRow = report.substring(report.indexOf("<tr class=\"row-ERROR\">"));
        errorRow = errorRow.substring(0, errorRow.indexOf("</tr>"));
        assertTrue(errorRow.contains("<td class=\"num\">3</td>") && errorRow.contains("P-2") && errorRow.contains("Mã quê quán"), errorRow);
        assertTrue(report.contains("sửa rồi tải lên lại"), "no submit while a row has an error");
        String errorsOnly = b.get(page + "&only=errors", 200);
        assertFalse(errorsOnly.contains("row-OK"), "filtered to errors");

        Response fixed = b.upload("/portal/submissions/" + id + "/upload", "bao-cao.csv", csv("P-2;Thêm;" + name + " Hai;1981;07591;JP;Kỹ sư;p2@example.org"), "text/csv");
        assertEquals(303, fixed.statusCode());
        assertTrue(b.get(page, 200).contains("2 dòng: 2 hợp lệ"), b.lastPage);
        assertEquals(400, b.post("/portal/submissions/" + id + "/submit", Map.of()).statusCode(), "only the confirm button sends");
        assertTrue(b.get(page, 200).contains("Gửi 2 dòng cho Sở Ngoại vụ"), "the confirmation says what will happen: " + b.lastPage);
        Response sent = b.post("/portal/submissions/" + id + "/submit", Map.of("decision", "submit"));
        assertEquals(303, sent.statusCode());
        String after = b.get(sent.header("Location").replaceFirst("^https?://[^/]+", ""), 200);
        assertTrue(after.contains("Đã gửi") && after.contains("id=\"done\"") && after.contains("Đã gửi báo cáo cho Sở Ngoại vụ."), after);
    }

    @Test
    void aFileTheServiceCannotReadIsRefusedOnThePageNamingTheProblem() {
        Browser b = Browser.signedInAs("luc-ngan");
        String period = QuarterlyCycleTest.period();
        String page = b.post("/portal/unit/periods/" + period, Map.of()).header("Location");
        Response r = b.upload("/portal/submissions/" + page.substring(page.indexOf("id=") + 3) + "/upload", "bao-cao.csv", csv("P-1;Bay;Tên;1980;07591;JP;;"), "text/csv");
        assertEquals(303, r.statusCode(), "post/redirect/get: " + r.asString());
        String shown = b.get(r.header("Location").replaceFirst("^https?://[^/]+", ""), 200);
        assertTrue(shown.contains("Tệp chưa được lưu"), shown);
        assertEquals(shown, b.get(r.header("Location").replaceFirst("^https?://[^/]+", ""), 200), "a reload (F5) shows the same refusal");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        Browser b = Browser.signedInAs("luc-ngan");
        Response r = b.request().contentType("application/x-www-form-urlencoded").formParam("x", "1")
                .post("/portal/unit/periods/" + QuarterlyCycleTest.period());
        assertEquals(400, r.statusCode(), r.asString());
        assertTrue(r.asString().contains("csrf-token"), "the problem names the field");
        Response forged = b.request().contentType("application/x-www-form-urlencoded").formParam("csrf-token", "A".repeat(43))
                .post("/portal/unit/periods/" + QuarterlyCycleTest.period());
        assertEquals(400, forged.statusCode(), "a token that is not the browser's own");
    }

    @Test
    void theOfficerChoosesEnglish() {
        Browser b = Browser.signedInAs("luc-ngan");
        b.get("/portal/unit", 200);
        assertEquals(303, b.post("/portal/language", Map.of("to", "en", "back", "/portal/unit")).statusCode());
        String page = b.get("/portal/unit", 200);
        assertTrue(page.contains("Reporting periods of Huyện Lục Ngạn (219)") && page.contains("lang=\"en\""), page);
    }
}
