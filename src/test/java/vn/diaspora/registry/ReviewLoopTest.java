package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.QuarterlyCycleTest.LUC_NGAN;
import static vn.diaspora.registry.QuarterlyCycleTest.lucNgan;
import static vn.diaspora.registry.QuarterlyCycleTest.open;
import static vn.diaspora.registry.QuarterlyCycleTest.put;
import static vn.diaspora.registry.QuarterlyCycleTest.row;

/**
 * The officials' second step (issue 22): a decision is made only by its confirm button, every
 * form answers with a redirect and a success message, the Department's row comments reach the
 * unit (beside the row, on the row's page, in the findings workbook), an accepted report shows
 * the findings it was accepted with, and a refused file is told in Vietnamese, problem by problem.
 */
@QuarkusTest
class ReviewLoopTest {
    static final String SUBMISSIONS = "/api/v1/submissions/";

    private static String path(Response r) {
        return r.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void aReviewFormSubmittedWithoutItsConfirmButtonDecidesNothing() {
        String id = PortalProvinceTest.submitted()[1];
        Browser b = Browser.signedInAs("bac-giang");
        String review = b.get("/portal/review?id=" + id, 200);
        String form = review.substring(review.indexOf("<form method=\"post\" action=\"/portal/review/"));
        String firstButton = form.substring(form.indexOf("<button"), form.indexOf(">", form.indexOf("<button")) + 1);
        assertTrue(firstButton.contains("type=\"submit\"") && firstButton.contains("disabled"),
                "the form's default button is disabled, so Enter in a comment submits nothing: " + firstButton);
        // what Enter in a comment field would post if a browser ignored that: the fields, without the confirm button's decision
        Map<String, String> typed = Map.of("row:PERSON:LN-1", "Bổ sung năm sinh", "comment", "");
        assertEquals(400, b.post("/portal/review/" + id + "/accept", typed).statusCode());
        assertEquals(400, b.post("/portal/review/" + id + "/return", typed).statusCode());
        as(LUC_NGAN).get(SUBMISSIONS + id).then().body("state", is("SUBMITTED"));
        as(LUC_NGAN).get(SUBMISSIONS + id + "/items").then().body("items.find { it.rowKey == 'LN-1' }.reviewComment", org.hamcrest.Matchers.nullValue());

        Response noComment = b.post("/portal/review/" + id + "/return", Map.of("decision", "return", "comment", " "));
        assertEquals(422, noComment.statusCode(), "a return needs its general comment");
        as(LUC_NGAN).get(SUBMISSIONS + id).then().body("state", is("SUBMITTED"));

        Response accepted = b.post("/portal/review/" + id + "/accept", Map.of("decision", "accept"));
        assertEquals(303, accepted.statusCode());
        String after = b.get(path(accepted), 200);
        assertTrue(after.contains("Đã duyệt báo cáo: các thay đổi đã được ghi vào cơ sở dữ liệu."), "a success message: " + after);
        assertEquals(after.replaceAll("csrf-token\" value=\"[^\"]+", ""), b.get(path(accepted), 200).replaceAll("csrf-token\" value=\"[^\"]+", ""),
                "a reload shows the same page and decides nothing again");
    }

    @Test
    void theDepartmentsRowCommentsReachTheUnitBesideTheRowOnItsPageAndInTheFindingsWorkbook() throws Exception {
        String id = PortalProvinceTest.submitted()[1];
        Browser province = Browser.signedInAs("bac-giang");
        province.get("/portal/review?id=" + id, 200);
        Response returned = province.post("/portal/review/" + id + "/return",
                Map.of("decision", "return", "comment", "Đề nghị rà soát", "row:PERSON:LN-2", "Thành phố Nagoya chưa đúng"));
        assertEquals(303, returned.statusCode());
        assertTrue(province.get(path(returned), 200).contains("Đã trả lại báo cáo cho đơn vị kèm ý kiến."));

        Browser unit = Browser.signedInAs("luc-ngan");
        String page = unit.get("/portal/submission?id=" + id, 200);
        String comments = page.substring(page.indexOf("id=\"row-comments\""));
        comments = comments.substring(0, comments.indexOf("</section>"));
        assertTrue(comments.contains("LN-2") && comments.contains("Thành phố Nagoya chưa đúng"), "the row's comment beside the row: " + comments);
        assertFalse(page.contains("<td>LN-2</td>"), "an OK row is not among the errors and warnings");
        String okRows = unit.get("/portal/submission?id=" + id + "&only=ok", 200);
        String findingRow = okRows.substring(okRows.indexOf("<td>LN-2</td>"));
        findingRow = findingRow.substring(0, findingRow.indexOf("</tr>"));
        assertTrue(findingRow.contains("Thành phố Nagoya chưa đúng"), "in the findings table too: " + findingRow);
        String rowPage = unit.get("/portal/row?id=" + id + "&kind=PERSON&key=LN-2", 200);
        assertTrue(rowPage.contains("id=\"row-comment\"") && rowPage.contains("Thành phố Nagoya chưa đúng"), rowPage);

        byte[] xlsx = unit.request().get("/portal/submissions/" + id + "/findings.xlsx").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals("Ý kiến của Sở", rows.get(0).getCellText(6));
            assertTrue(rows.stream().anyMatch(r -> r.getCellText(2).equals("LN-2") && r.getCellText(6).equals("Thành phố Nagoya chưa đúng")),
                    "the comment, by its row key");
        }
    }

    @Test
    void rowCommentsSavedPageByPageReachTheUnitWithTheReturnAndAreNotLostWhenPaging() {
        String id = open(LUC_NGAN, QuarterlyCycleTest.period());
        String word = Api.uniqueWord();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 55; i++) {
            rows.add(row("PERSON", "TR-" + i, "CREATE", lucNgan("Trang " + word + " " + i)));
        }
        put(LUC_NGAN, id, rows, 200);
        QuarterlyCycleTest.submit(id);
        Browser b = Browser.signedInAs("bac-giang");
        String first = b.get("/portal/review?id=" + id, 200);
        assertTrue(first.contains("id=\"next-rows\"") && first.contains("formaction=\"/portal/review/" + id + "/comments?cursor="),
                "the next page is reached by saving the comments typed on this one: " + first);
        assertEquals(400, b.post("/portal/review/" + id + "/comments", Map.of("row:PERSON:TR-1", "x")).statusCode(),
                "Enter in a comment saves nothing either");

        Response saved = b.post("/portal/review/" + id + "/comments?cursor=" + java.net.URLEncoder.encode(cursorOf(first), StandardCharsets.UTF_8),
                Map.of("decision", "comments", "row:PERSON:TR-1", "Sai năm sinh", "row:PERSON:TR-2", "Xóa ý kiến này"));
        assertEquals(303, saved.statusCode(), saved.asString());
        String second = b.get(path(saved), 200);
        assertTrue(second.contains("TR-55") && !second.contains("TR-1 ") && second.contains("Đã lưu ý kiến cho các dòng"), second);
        b.post("/portal/review/" + id + "/comments", Map.of("decision", "comments", "row:PERSON:TR-2", " "));
        String again = b.get("/portal/review?id=" + id, 200);
        assertTrue(again.contains("value=\"Sai năm sinh\""), "the saved comment is shown in its field when the reviewer comes back");
        assertFalse(again.contains("Xóa ý kiến này"), "a comment emptied and saved is gone");
        as(LUC_NGAN).get(SUBMISSIONS + id + "/items").then().body("items.find { it.rowKey == 'TR-1' }.reviewComment", org.hamcrest.Matchers.nullValue());

        Response returned = b.post("/portal/review/" + id + "/return",
                Map.of("decision", "return", "comment", "Đề nghị rà soát", "row:PERSON:TR-55", "Thiếu quốc gia"));
        assertEquals(303, returned.statusCode());
        as(LUC_NGAN).get(SUBMISSIONS + id + "/items?limit=100").then()
                .body("items.find { it.rowKey == 'TR-1' }.reviewComment", is("Sai năm sinh"))
                .body("items.find { it.rowKey == 'TR-55' }.reviewComment", is("Thiếu quốc gia"))
                .body("items.find { it.rowKey == 'TR-2' }.reviewComment", org.hamcrest.Matchers.nullValue());
        String unit = Browser.signedInAs("luc-ngan").get("/portal/submission?id=" + id, 200);
        assertTrue(unit.contains("Sai năm sinh") && unit.contains("Thiếu quốc gia"), "both reach the unit");
        assertFalse(b.get("/portal/review?id=" + id, 200).contains("value=\"Sai năm sinh\""), "no draft once the review is decided");
    }

    /** The cursor of a review page's "next page" button. */
    private static String cursorOf(String page) {
        String button = page.substring(page.indexOf("id=\"next-rows\""));
        String cursor = button.substring(button.indexOf("cursor=") + "cursor=".length(), button.indexOf('"', button.indexOf("cursor=")));
        return java.net.URLDecoder.decode(cursor.replace("&amp;", "&"), StandardCharsets.UTF_8);
    }

    @Test
    void anAcceptedReportShowsTheFindingsItWasAcceptedWithNotARecheckAgainstTheRegistryItChanged() {
        String id = PortalProvinceTest.submitted()[1];
        as(QuarterlyCycleTest.BAC_GIANG).post(SUBMISSIONS + id + "/accept").then().statusCode(200);
        as(LUC_NGAN).post(SUBMISSIONS + id + "/validate").then().statusCode(200)
                .body("ok", is(2)).body("warnings", is(0)).body("errors", is(0));
        String unitPage = Browser.signedInAs("luc-ngan").get("/portal/submission?id=" + id, 200);
        assertTrue(unitPage.contains("2 dòng: 2 hợp lệ, 0 có cảnh báo, 0 có lỗi"), unitPage);
        assertFalse(unitPage.contains("row-WARNING") || unitPage.contains("row-ERROR"), "no duplicate of itself, no conflict with its own update");
        String review = Browser.signedInAs("bac-giang").get("/portal/review?id=" + id, 200);
        assertTrue(review.contains("2 dòng: 2 hợp lệ, 0 có cảnh báo, 0 có lỗi"), review);
        assertTrue(review.contains("<td class=\"old\">Osaka</td><td class=\"new\">Nagoya</td>"), "the change as it was made, from the base version: " + review);
    }

    @Test
    void aReportWithoutRowsIsSentOnlyAsADeclaredQuarterWithoutChanges() {
        String id = open(LUC_NGAN, QuarterlyCycleTest.period());
        as(LUC_NGAN).post(SUBMISSIONS + id + "/submit").then().statusCode(409).contentType("application/problem+json")
                .body("errors.code", hasItem("NO_ROWS"))
                .body("errors[0].messageVi", is("Báo cáo chưa có dòng nào: tải tệp lên trước khi gửi"))
                .body("errors[0].messageEn", is("The report has no rows: upload the file before sending it"));
        Browser b = Browser.signedInAs("luc-ngan");
        Response refused = b.upload("/portal/submissions/" + id + "/upload", "bao-cao.csv", new byte[0], "text/csv");
        assertEquals(303, refused.statusCode());
        String page = b.get(path(refused), 200);
        assertTrue(page.contains("Tệp trống") && !page.contains("name=\"decision\""), "no send button after a refused upload: " + page);
        assertEquals(409, b.post("/portal/submissions/" + id + "/submit", Map.of("decision", "submit")).statusCode());
        as(LUC_NGAN).get(SUBMISSIONS + id).then().body("state", is("DRAFT"));
        String empty = b.get("/portal/submission?id=" + id, 200);
        assertTrue(empty.contains("Quý này đơn vị không có thay đổi"), "a quarter without changes is declared on purpose: " + empty);
        assertEquals(303, b.post("/portal/submissions/" + id + "/submit", Map.of("decision", "submit", "noChanges", "true")).statusCode());
        as(LUC_NGAN).get(SUBMISSIONS + id).then().body("state", is("SUBMITTED")).body("itemCount", is(0));
    }

    /** Each file problem its own Vietnamese message, shown on the report's page after the redirect. */
    @Test
    void eachFileProblemIsToldInVietnamese() throws Exception {
        String id = open(LUC_NGAN, QuarterlyCycleTest.period());
        Browser b = Browser.signedInAs("luc-ngan");
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        String header = "Mã dòng;Thao tác;Họ và tên;Năm sinh;Mã quê quán;Quốc gia cư trú\n";
        String line = "P-1;Thêm;Nguyễn Văn Tệp;1980;07591;JP\n";
        Map<String, String> expected = Map.of(
                "rong.csv", "Tệp trống",
                "tai-lieu.xlsx", "Tệp không phải bảng tính",
                "van-ban.xlsx", "Tệp là văn bản Word",
                "tab.csv", "phân cách các cột bằng dấu tab",
                "gach-dung.csv", "phân cách các cột bằng dấu gạch đứng (|)",
                "windows-1258.csv", "không ở bảng mã UTF-8",
                "cot-la.csv", "Cột không có trong mẫu",
                "lap.csv", "Mã dòng bị lặp lại");
        files.put("rong.csv", "\n".getBytes(StandardCharsets.UTF_8));
        files.put("tai-lieu.xlsx", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1));
        files.put("van-ban.xlsx", docx());
        files.put("tab.csv", (header + line).replace(';', '\t').getBytes(StandardCharsets.UTF_8));
        files.put("gach-dung.csv", (header + line).replace(';', '|').getBytes(StandardCharsets.UTF_8));
        files.put("windows-1258.csv", (header + line).getBytes(Charset.forName("windows-1258")));
        files.put("cot-la.csv", (header.replace("Năm sinh", "Năm sinh ra") + line).getBytes(StandardCharsets.UTF_8));
        files.put("lap.csv", (header + line + line).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Response r = b.upload("/portal/submissions/" + id + "/upload", f.getKey(), f.getValue(), "application/octet-stream");
            assertEquals(303, r.statusCode(), f.getKey());
            String page = b.get(path(r), 200);
            String summary = page.substring(page.indexOf("id=\"refused\""), page.indexOf("</div>", page.indexOf("id=\"refused\"")));
            assertTrue(summary.contains(expected.get(f.getKey())), f.getKey() + ": " + summary);
            assertFalse(summary.contains("not a") || summary.contains("unknown column") || summary.contains("save it"), "no English: " + summary);
        }
        as(LUC_NGAN).get(SUBMISSIONS + id).then().body("itemCount", is(0));
    }

    /** A minimal Word document: a zip with word/document.xml. */
    private static byte[] docx() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void theLanguageSwitchKeepsThePageAndItsQuery() {
        String id = PortalProvinceTest.submitted()[1];
        Browser b = Browser.signedInAs("bac-giang");
        String review = b.get("/portal/review?id=" + id, 200);
        assertTrue(review.contains("name=\"back\" value=\"/portal/review?id=" + id + "\""), "the form carries the query");
        Response switched = b.post("/portal/language", Map.of("to", "en", "back", "/portal/review?id=" + id));
        assertEquals(303, switched.statusCode());
        assertEquals("/portal/review?id=" + id, path(switched));
        String english = b.get(path(switched), 200);
        assertTrue(english.contains("lang=\"en\"") && english.contains("Full name") && english.contains("Persons abroad")
                && english.contains("Japan (JP)") && english.contains("Review of the report"), "fields, sheets and lists in English: " + english);
        assertFalse(english.contains(">Họ và tên<") || english.contains("Nhật Bản (JP)"), "no Vietnamese label left");
        for (String hostile : List.of("/portal/a b", "/portal/%zz", "/portal/\"><x>", "https://example.org/portal", "//example.org/portal", "/portal/../q/health")) {
            Response r = b.post("/portal/language", Map.of("to", "vi", "back", hostile));
            assertEquals(303, r.statusCode(), hostile);
            assertEquals("/portal", path(r), hostile + " goes to the front door");
        }
    }

    /** A row mended in the portal keeps the sheet and line of its file; a country typed by its name without diacritics is read. */
    @Test
    void aMendedRowKeepsItsLineAndACountryNameIsRead() {
        String id = open(LUC_NGAN, QuarterlyCycleTest.period());
        Browser b = Browser.signedInAs("luc-ngan");
        String name = "Sửa Dòng " + Api.uniqueWord();
        assertEquals(303, b.upload("/portal/submissions/" + id + "/upload", "bao-cao.csv", PortalUnitTest.csv(
                "P-1;Thêm;" + name + " Một;1980;07591;Nhat Ban;Kỹ sư;p1@example.org",
                "P-2;Thêm;" + name + " Hai;1981;99999;JP;Kỹ sư;p2@example.org"), "text/csv").statusCode());
        as(LUC_NGAN).get(SUBMISSIONS + id + "/items").then()
                .body("items.find { it.rowKey == 'P-1' }.data.country", is("JP"))
                .body("items.find { it.rowKey == 'P-2' }.line", is(3));
        b.get("/portal/row?id=" + id + "&kind=PERSON&key=P-2", 200);
        Response mended = b.post("/portal/submissions/" + id + "/row", Map.of("kind", "PERSON", "key", "P-2", "c:Thao tác", "Thêm",
                "c:Họ và tên", name + " Hai", "c:Năm sinh", "1981", "c:Mã quê quán", "07591", "c:Quốc gia cư trú", "Nhật Bản (JP)"));
        assertEquals(303, mended.statusCode(), mended.asString());
        as(LUC_NGAN).get(SUBMISSIONS + id + "/items").then()
                .body("items.find { it.rowKey == 'P-2' }.data.hometownCode", is("07591"))
                .body("items.find { it.rowKey == 'P-2' }.line", is(3)).body("items.find { it.rowKey == 'P-2' }.sheet", is("CSV"));
    }

    /** A report's page reads its last check, a page of findings at a time, and checks again only when the rows change or the unit asks. */
    @Test
    void aReportShowsItsLastCheckAPageAtATimeUntilCheckedAgain() {
        String id = open(LUC_NGAN, QuarterlyCycleTest.period());
        List<Map<String, Object>> bad = new java.util.ArrayList<>();
        for (int i = 0; i < 205; i++) {
            Map<String, Object> p = lucNgan("Trang Lỗi " + i + " " + Api.uniqueWord());
            p.put("hometownCode", "99999");
            bad.add(row("PERSON", "E-" + i, "CREATE", p));
        }
        put(LUC_NGAN, id, bad, 200);
        Browser b = Browser.signedInAs("luc-ngan");
        String first = b.get("/portal/submission?id=" + id, 200);
        assertTrue(first.contains("205 dòng: 0 hợp lệ, 0 có cảnh báo, 205 có lỗi") && first.contains("rel=\"next\""), first);
        assertEquals(200, first.split("<tr class=\"row-ERROR\">", -1).length - 1, "200 findings a page");
        String second = b.get("/portal/submission?id=" + id + "&only=problems&page=1", 200);
        assertEquals(5, second.split("<tr class=\"row-ERROR\">", -1).length - 1);

        String name = "Trùng Sau " + Api.uniqueWord();
        String other = open(LUC_NGAN, QuarterlyCycleTest.period());
        put(LUC_NGAN, other, List.of(row("PERSON", "T-1", "CREATE", lucNgan(name))), 200);
        assertTrue(b.get("/portal/submission?id=" + other, 200).contains("1 dòng: 1 hợp lệ"), b.lastPage);
        Api.createPerson(Api.ADMIN, lucNgan(name));
        assertTrue(b.get("/portal/submission?id=" + other, 200).contains("1 dòng: 1 hợp lệ"), "the last check is shown, not run again: " + b.lastPage);
        Response checked = b.post("/portal/submissions/" + other + "/check", Map.of());
        assertEquals(303, checked.statusCode());
        String after = b.get(path(checked), 200);
        assertTrue(after.contains("1 dòng: 0 hợp lệ, 1 có cảnh báo") && after.contains("Đã kiểm tra lại"), after);
    }

    /** A mistyped portal address, or a form's address opened as a page, is the portal's own page in Vietnamese; the API keeps problem+json. */
    @Test
    void aMistypedAddressIsThePortalsOwnPage() {
        Browser b = Browser.signedInAs("luc-ngan");
        for (String path : List.of("/portal/khong-co-trang-nay", "/portal/submissions/" + java.util.UUID.randomUUID() + "/upload")) {
            Response r = b.request().get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.contentType().startsWith("text/html") && r.asString().contains("<html lang=\"vi\"")
                    && r.asString().contains("Không tìm thấy trang") && r.asString().contains("<title>Có lỗi"), r.asString());
        }
        io.restassured.RestAssured.given().get("/api/v1/khong-co").then().statusCode(404).contentType("application/problem+json");
        Browser province = Browser.signedInAs("bac-giang");
        Response year0 = province.request().get("/portal/province?period=0000-Q1");
        assertEquals(400, year0.statusCode(), "a quarter of year 0 is refused, not a 500 (issue 23)");
        assertTrue(year0.contentType().startsWith("text/html") && year0.asString().contains("Yêu cầu không hợp lệ"), year0.asString());
        String conflict = b.post("/portal/submissions/" + PortalProvinceTest.submitted()[1] + "/submit", Map.of("decision", "submit")).asString();
        assertTrue(conflict.contains("trạng thái đã thay đổi") && !conflict.contains("SUBMITTED"), "a refusal in words, not codes: " + conflict);
    }

    /** The template's example birth date follows its own dd/mm/yyyy instruction. */
    @Test
    void theTemplatesExampleDateFollowsItsInstruction() throws Exception {
        byte[] xlsx = as(LUC_NGAN).accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").get("/api/v1/templates/submission.xlsx").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> cells = wb.getFirstSheet().read().stream().flatMap(r -> r.stream()).filter(java.util.Objects::nonNull)
                    .map(org.dhatim.fastexcel.reader.Cell::getText).toList();
            assertTrue(cells.contains("12/04/1988") && !cells.contains("1988-04-12"), "the example date as dd/mm/yyyy");
        }
    }

    /** Issue 23: removing a report's row answered 500 (no transaction). */
    @Test
    void aRowOfADraftIsRemoved() {
        String id = open(LUC_NGAN, QuarterlyCycleTest.period());
        put(LUC_NGAN, id, List.of(row("PERSON", "X-1", "CREATE", lucNgan("Bỏ Dòng " + Api.uniqueWord())),
                row("PERSON", "X-2", "CREATE", lucNgan("Giữ Dòng " + Api.uniqueWord()))), 200);
        as(LUC_NGAN).delete(SUBMISSIONS + id + "/items/PERSON/X-1").then().statusCode(204);
        as(LUC_NGAN).get(SUBMISSIONS + id + "/items").then().body("items.rowKey", is(List.of("X-2")));
        as(LUC_NGAN).delete(SUBMISSIONS + id + "/items/PERSON/X-1").then().statusCode(404).contentType("application/problem+json");
    }
}
