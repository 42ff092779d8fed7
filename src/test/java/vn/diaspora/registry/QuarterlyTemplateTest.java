package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.QuarterlyCycleTest.BAC_GIANG;
import static vn.diaspora.registry.QuarterlyCycleTest.LUC_NGAN;
import static vn.diaspora.registry.QuarterlyCycleTest.open;
import static vn.diaspora.registry.QuarterlyCycleTest.period;
import static vn.diaspora.registry.QuarterlyCycleTest.submit;
import static vn.diaspora.registry.QuarterlyUploadTest.XLSX;
import static vn.diaspora.registry.QuarterlyUploadTest.upload;

/**
 * The Excel round trip as officials live it (issue 10): the template the service hands out,
 * uploaded as downloaded and as filled in and saved by LibreOffice; rows that change only what
 * they fill.
 */
@QuarkusTest
class QuarterlyTemplateTest {

    static byte[] template() {
        return given().auth().oauth2(LUC_NGAN).get("/api/v1/templates/submission.xlsx").then().statusCode(200).extract().asByteArray();
    }

    @Test
    void theTemplateHasInstructionsExamplesAndDataSheetsWithHeadersOnly() throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(template()))) {
            List<String> sheets = wb.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList();
            assertEquals(List.of("Hướng dẫn", "Người ở nước ngoài", "Hội đoàn", "Doanh nghiệp", "Đóng góp", "Danh mục"), sheets);
            var guide = wb.getFirstSheet().read();
            assertTrue(guide.stream().anyMatch(r -> "Nguyễn Thị Hương".equals(r.getCellText(5))), "the example row is on the instructions sheet");
            var people = wb.findSheet("Người ở nước ngoài").orElseThrow().read();
            assertEquals(1, people.size(), "headers only");
            assertEquals("Họ và tên", people.get(0).getCellText(5));
            var lists = wb.findSheet("Danh mục").orElseThrow().read();
            assertTrue(lists.stream().anyMatch(r -> r.getCellCount() > 1 && "Nữ".equals(r.getCellText(1))), "sex labels listed");
            assertTrue(lists.stream().flatMap(r -> r.stream()).anyMatch(c -> c != null && "Nhật Bản (JP)".equals(c.getText())), "countries listed");
        }
        String xml = sheetXml(template(), "Người ở nước ngoài");
        assertTrue(xml.contains("<dataValidation"), "coded columns offer dropdown lists");
        assertTrue(xml.contains("<sheetProtection"), "headers are protected");
        String csv = given().auth().oauth2(LUC_NGAN).get("/api/v1/templates/submission-person.csv").then().statusCode(200).extract().asString();
        assertEquals(1, csv.strip().lines().count(), "the CSV template holds its headers only");
    }

    @Test
    void theTemplateUploadedAsDownloadedIsAClear4xxAndStoresNothing() throws Exception {
        String id = open(LUC_NGAN, period());
        upload(id, XLSX, template()).statusCode(422).contentType("application/problem+json").body("errors[0].field", is("file"));
        upload(id, XLSX, libreOffice(template())).statusCode(422).body("errors[0].field", is("file"));
        byte[] csv = given().auth().oauth2(LUC_NGAN).get("/api/v1/templates/submission-person.csv").then().extract().asByteArray();
        upload(id, "text/csv", csv).statusCode(422);
        as(LUC_NGAN).get("/api/v1/submissions/" + id).then().body("itemCount", is(0));
    }

    @Test
    void aTemplateFilledAndSavedByLibreOfficeIsStoredWithLabelsReadAsCodes() throws Exception {
        String name = "Lê Thị " + Api.uniqueWord();
        long birth = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), LocalDate.of(1988, 4, 12));
        String row = "<row r=\"2\">" + cell("A2", "LO-1") + cell("B2", "Thêm") + cell("C2", "") + cell("D2", "") + cell("F2", name)
                + cell("I2", "Nữ") + "<c r=\"J2\"><v>" + birth + "</v></c>" + cell("L2", "Xã Quý Sơn (07591)")
                + cell("M2", "Nhật Bản (JP)") + cell("Q2", "Chuyên gia; Doanh nhân") + "</row>";
        byte[] filled = libreOffice(withRow(template(), "Người ở nước ngoài", row));
        String id = open(LUC_NGAN, period());
        upload(id, XLSX, filled).statusCode(200).body("rowsStored", is(1));
        as(LUC_NGAN).get("/api/v1/submissions/" + id + "/items").then().statusCode(200)
               .body("items[0].data.fullName", is(name)).body("items[0].data.sex", is("FEMALE")).body("items[0].data.country", is("JP"))
               .body("items[0].data.hometownCode", is("07591")).body("items[0].data.birthDate", is("1988-04-12"))
               .body("items[0].data.categories", contains("EXPERT", "ENTREPRENEUR")).body("items[0].recordId", nullValue());
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/validate").then().statusCode(200).body("errors", is(0));
    }

    @Test
    void anUpdateRowChangesOnlyWhatItFillsAndAMarkerClears() {
        Map<String, Object> person = QuarterlyCycleTest.lucNgan("Chỉ Đổi Thành Phố " + Api.unique());
        person.put("occupation", "Kỹ sư");
        person.put("consent", Map.of("legalBasis", "CONSENT", "date", "2026-01-15", "scope", "liên lạc của Sở Ngoại vụ"));
        String recordId = Api.createPerson(ADMIN, person);
        String csv = "Mã dòng,Thao tác,Mã bản ghi,Phiên bản gốc,Thành phố,Nghề nghiệp\r\nU-1,Sửa," + recordId + ",1,Kyoto,(xóa)\r\n";
        String id = open(LUC_NGAN, period());
        upload(id, "text/csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode(200);
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/validate").then().statusCode(200).body("errors", is(0));
        submit(id);
        as(BAC_GIANG).post("/api/v1/submissions/" + id + "/accept").then().statusCode(200);
        as(ADMIN).get(PERSONS + "/" + recordId).then().statusCode(200)
                .body("city", is("Kyoto")).body("occupation", nullValue())
                .body("fullName", is(person.get("fullName"))).body("consent.legalBasis", is("CONSENT"))
                .body("contacts.email", is("someone@example.jp")).body("version", is(2));
    }

    private static String cell(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    /** The XML of a sheet of an XLSX, found by its name through the workbook and its relationships. */
    static String sheetXml(byte[] xlsx, String sheet) throws IOException {
        Map<String, String> parts = unzip(xlsx);
        return parts.get(sheetPart(parts, sheet));
    }

    private static String sheetPart(Map<String, String> parts, String sheet) {
        Matcher m = Pattern.compile("<sheet [^>]*name=\"" + Pattern.quote(sheet) + "\"[^>]*r:id=\"([^\"]+)\"").matcher(unescape(parts.get("xl/workbook.xml")));
        assertTrue(m.find(), "no sheet " + sheet + " in " + parts.get("xl/workbook.xml"));
        Matcher target = Pattern.compile("Id=\"" + m.group(1) + "\"[^>]*Target=\"/?(?:xl/)?([^\"]+)\"|Target=\"/?(?:xl/)?([^\"]+)\"[^>]*Id=\"" + m.group(1) + "\"")
                .matcher(parts.get("xl/_rels/workbook.xml.rels"));
        assertTrue(target.find());
        return "xl/" + (target.group(1) != null ? target.group(1) : target.group(2));
    }

    /** XML numeric character references (&#x1b0;) as the characters they stand for. */
    private static String unescape(String xml) {
        return Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml)
                .replaceAll(r -> Matcher.quoteReplacement(new String(Character.toChars(Integer.parseInt(r.group(1), 16)))));
    }

    /** The workbook with {@code row} added to a sheet, as a hand typing into the cells would. */
    static byte[] withRow(byte[] xlsx, String sheet, String row) throws IOException {
        Map<String, String> parts = unzip(xlsx);
        String part = sheetPart(parts, sheet);
        String xml = parts.get(part);
        parts.put(part, xml.contains("</sheetData>") ? xml.replace("</sheetData>", row + "</sheetData>") : xml.replace("<sheetData/>", "<sheetData>" + row + "</sheetData>"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, String> unzip(byte[] xlsx) throws IOException {
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(xlsx)).get()) {
            for (var e : java.util.Collections.list(zip.getEntries())) {
                try (var in = zip.getInputStream(e)) {
                    parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return parts;
    }

    /** The workbook opened and saved again by LibreOffice Calc, headless (`.ci/run` installs it). */
    static byte[] libreOffice(byte[] xlsx) throws Exception {
        Path dir = Files.createTempDirectory("lo");
        Path in = dir.resolve("in").resolve("filled.xlsx");
        Files.createDirectories(in.getParent());
        Files.write(in, xlsx);
        Process p = new ProcessBuilder("soffice", "-env:UserInstallation=file://" + dir.resolve("profile"), "--headless",
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir.resolve("out").toString(), in.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "LibreOffice did not finish");
        Path saved = dir.resolve("out").resolve("filled.xlsx");
        assertTrue(Files.exists(saved), "LibreOffice saved nothing: " + output);
        return Files.readAllBytes(saved);
    }

    @Test
    void findingsOfAFileNameSheetLineAndColumnWithOneCodeInBothLanguages() {
        String csv = "Mã dòng,Thao tác,Họ và tên,Mã quê quán,Quốc gia cư trú\r\nA,Thêm,Lê Văn Một,99999,JP\r\nB,Thêm,Lê Văn Hai,07591,\r\n";
        String id = open(LUC_NGAN, period());
        upload(id, "text/csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode(200);
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/validate").then().statusCode(200)
                .body("findings.find { it.rowKey == 'A' }.sheet", is("CSV")).body("findings.find { it.rowKey == 'A' }.line", is(2))
                .body("findings.find { it.rowKey == 'A' }.column", is("Mã quê quán"))
                .body("findings.find { it.rowKey == 'A' }.code", is("HOMETOWN_UNKNOWN"))
                .body("findings.find { it.rowKey == 'B' }.line", is(3)).body("findings.find { it.rowKey == 'B' }.column", is("Quốc gia cư trú"))
                .body("findings.find { it.rowKey == 'B' }.code", is("REQUIRED"))
                .body("findings.find { it.rowKey == 'B' }.messageVi", is("Thiếu trường bắt buộc"))
                .body("findings.find { it.rowKey == 'B' }.messageEn", is("A required field is empty"));
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/submit").then().statusCode(409)
                .body("errors.field", org.hamcrest.Matchers.hasItem("CSV line 2 'Mã quê quán'"));
    }

    @Test
    void oddWorkbooksAreReadOrRefusedClearlyNeverA5xx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
        org.dhatim.fastexcel.Worksheet people = wb.newWorksheet("NGUOI O NUOC NGOAI ");  // renamed without diacritics
        wb.newWorksheet("Ghi chú của tôi").value(3, 3, " ");   // an official's own sheet, empty but for a blank
        String[] head = {"Mã dòng", "Thao tác", "Họ và tên", "Mã quê quán", "Quốc gia cư trú", "", "Năm sinh"};
        for (int c = 0; c < head.length; c++) {
            people.value(0, c, head[c]);
        }
        people.value(1, 0, 101);                      // a number where the row key is text
        people.value(1, 1, "them");                   // the action without diacritics
        people.value(1, 2, "Đỗ Văn Số");
        people.value(1, 3, 7591);                     // the code typed as a number: its leading zero is lost
        people.value(1, 4, "JP");
        people.value(1, 6, "1988");                   // a year as text where a number is expected
        people.range(2, 2, 2, 4).merge();             // a merged, empty row
        people.value(5, 0, "X-2");                    // after empty rows
        people.value(5, 1, "Thêm");
        people.value(5, 2, "Đỗ Thị Hai");
        people.value(5, 3, "07591");
        people.value(5, 4, "KR");
        people.value(5, 9, "");                       // an empty cell far right, under no header
        org.dhatim.fastexcel.Worksheet hidden = wb.newWorksheet("Hội đoàn");
        hidden.value(0, 0, "Mã dòng");
        hidden.value(0, 1, "Thao tác");
        hidden.setVisibilityState(org.dhatim.fastexcel.VisibilityState.HIDDEN);
        wb.finish();
        String id = open(LUC_NGAN, period());
        upload(id, XLSX, out.toByteArray()).statusCode(200).body("rowsStored", is(2));
        as(LUC_NGAN).get("/api/v1/submissions/" + id + "/items").then().statusCode(200)
                .body("items[0].rowKey", is("101")).body("items[0].data.birthYear", is(1988)).body("items[1].rowKey", is("X-2"))
                .body("items[0].sheet", is("NGUOI O NUOC NGOAI "));
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/validate").then().statusCode(200)
                .body("findings.find { it.rowKey == '101' }.code", is("HOMETOWN_UNKNOWN"))
                .body("findings.find { it.rowKey == '101' }.column", is("Mã quê quán"))
                .body("findings.find { it.rowKey == 'X-2' }.level", is("OK"));
    }

    @Test
    void aSheetOfUnknownNameWithDataRefusesTheFileNamingIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
        org.dhatim.fastexcel.Worksheet people = wb.newWorksheet("Người ở nước ngoài");
        people.value(0, 0, "Mã dòng");
        people.value(0, 1, "Thao tác");
        people.value(0, 2, "Họ và tên");
        people.value(1, 0, "A-1");
        people.value(1, 1, "Thêm");
        people.value(1, 2, "Đỗ Văn Một");
        wb.newWorksheet("Người ở nước ngoài (2)").value(1, 2, "Đỗ Văn Hai"); // rows that would be lost unseen
        wb.finish();
        String id = open(LUC_NGAN, period());
        upload(id, XLSX, out.toByteArray()).statusCode(422).body("errors[0].field", is("Người ở nước ngoài (2)"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("Người ở nước ngoài, Hội đoàn, Doanh nghiệp, Đóng góp"))
                .body("detail", org.hamcrest.Matchers.endsWith(": 1 problem"));
        as(LUC_NGAN).get("/api/v1/submissions/" + id + "/items").then().statusCode(200).body("items.size()", is(0));
    }
}
