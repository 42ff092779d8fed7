package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.unique;
import static vn.diaspora.registry.QuarterlyCycleTest.LUC_NGAN;
import static vn.diaspora.registry.QuarterlyCycleTest.open;
import static vn.diaspora.registry.QuarterlyCycleTest.period;

/** Officers live in Excel: the template, and uploads of it as XLSX or as CSV the way Excel writes them. */
@QuarkusTest
class QuarterlyUploadTest {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String HEADER = "Mã dòng,Thao tác,Họ và tên,Ngày sinh,Mã quê quán,Quốc gia cư trú,Nhóm";

    static io.restassured.response.ValidatableResponse upload(String id, String contentType, byte[] body) {
        return upload(LUC_NGAN, id, contentType, body);
    }

    static io.restassured.response.ValidatableResponse upload(String token, String id, String contentType, byte[] body) {
        return given().auth().oauth2(token).contentType(contentType).body(body)
                .post("/api/v1/submissions/" + id + "/items/upload").then();
    }

    @Test
    void theTemplatesAreServedWithTheirFileNamesAndTheReferenceCodes() throws IOException {
        byte[] xlsx = given().auth().oauth2(LUC_NGAN).get("/api/v1/templates/submission.xlsx").then().statusCode(200)
                .contentType(XLSX).header("Content-Disposition", containsString("submission-template.xlsx"))
                .extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var codes = wb.findSheet("Danh mục").orElseThrow().read();
            assertTrue(codes.stream().flatMap(r -> r.stream()).anyMatch(c -> c != null && c.getText().endsWith("(07591)")), "hometown codes listed");
        }
        String csv = given().auth().oauth2(LUC_NGAN).get("/api/v1/templates/submission-person.csv").then().statusCode(200)
                .header("Content-Disposition", containsString("submission-person.csv")).extract().asString();
        assertTrue(csv.startsWith("\uFEFFMã dòng,Thao tác,Mã bản ghi"), csv.substring(0, 40));
        given().auth().oauth2(LUC_NGAN).get("/api/v1/templates/submission-planet.csv").then().statusCode(400);
    }

    @Test
    void aFilledWorkbookIsStoredAndAReuploadReplacesItsRows() throws IOException {
        String id = open(LUC_NGAN, period());
        String name = "Excel Người " + unique();
        byte[] workbook = workbook(name, null);
        upload(id, XLSX, workbook).statusCode(200).body("rowsStored", is(2)).body("itemCount", is(2));
        upload(id, XLSX, workbook).statusCode(200).body("rowsStored", is(2)).body("itemCount", is(2));
        as(LUC_NGAN).get("/api/v1/submissions/" + id + "/items").then().statusCode(200)
               .body("items[0].rowKey", is("X-1")).body("items[0].data.fullName", is(name + " 1"))
               .body("items[0].data.birthDate", is("1988-04-12"))
               .body("items[0].data.categories", hasItem("EXPERT"))
               .body("items[1].kind", is("ASSOCIATION")).body("items[1].data.foundedYear", is(2012));
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/validate").then().statusCode(200).body("errors", is(0));
    }

    @Test
    void csvWithBomAndSemicolonsAsExcelWritesItInVietnameseLocale() {
        String id = open(LUC_NGAN, period());
        String csv = "\uFEFF" + HEADER.replace(',', ';') + "\r\n"
                + "C-1;Thêm;Trần Thị Mai " + unique() + ";12/04/1988;07591;JP;EXPERT;STUDENT\r\n"
                + "C-2;Thêm;\"Lê Văn; Nam\";;07591;KR;\r\n";
        upload(id, "text/csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("rowsStored", is(2));
        as(LUC_NGAN).get("/api/v1/submissions/" + id + "/items").then()
               .body("items[0].data.birthDate", is("1988-04-12"))
               .body("items[0].data.categories.size()", is(1)) // ";" separates cells here, so STUDENT is a stray cell
                .body("items[1].data.fullName", is("Lê Văn; Nam"));
    }

    @Test
    void badFilesAreRefusedWholeNamingTheProblem() throws IOException {
        String id = open(LUC_NGAN, period());
        upload(id, "text/csv", new byte[0]).statusCode(422).body("errors[0].field", is("file"));
        upload(id, "text/csv", (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].message", containsString("no data rows"));
        upload(id, "text/csv", ("Mã dòng,Thao tác,Biệt danh\r\nA,Thêm,Tí\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].field", is("CSV column 'Biệt danh'"));
        upload(id, "text/csv", ("Họ và tên\r\nA\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors.field", hasItem("CSV column 'Mã dòng'"));
        upload(id, "text/csv", (HEADER + "\r\nA,Thêm,Tí\r\nA,Thêm,Tèo\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].message", containsString("appears twice"));
        upload(id, "text/csv", (HEADER + "\r\nA,Bỏ,Tí\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].field", is("CSV row 2 'Thao tác'"));
        // the bounds of a JSON row: row key at most 100 characters, delete reason at most 500
        upload(id, "text/csv", (HEADER + "\r\n" + "K".repeat(101) + ",Thêm,Tí\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].field", is("CSV row 2 'Mã dòng'")).body("errors[0].message", containsString("at most 100"));
        upload(id, "text/csv", ("Mã dòng,Thao tác,Mã bản ghi,Phiên bản gốc,Lý do xóa\r\nD,Xóa," + java.util.UUID.randomUUID() + ",1,"
                + "x".repeat(501) + "\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].field", is("CSV row 2 'Lý do xóa'"));
        byte[] legacy = (HEADER + "\r\nA,Them,Nguyễn Văn Ánh\r\n").getBytes(Charset.forName("windows-1252"));
        upload(id, "text/csv", legacy).statusCode(422).body("errors[0].message", containsString("UTF-8"));
        upload(id, XLSX, workbook("Công Thức", "SUM(1,2)")).statusCode(422)
                .body("errors[0].message", containsString("formulas are not accepted"));
        upload(id, XLSX, "PK\u0003\u0004 not really a workbook".getBytes(StandardCharsets.ISO_8859_1)).statusCode(422);
        assertEquals(413, uploadOf20MB(id), "over the 16 MiB upload limit");
        // nothing of any refused file was stored
        as(LUC_NGAN).get("/api/v1/submissions/" + id + "/items").then().body("items.size()", is(0));
    }

    /** A 20 MB CSV, sent as a browser would with Expect: 100-continue, so the server can refuse it before it is sent. */
    static int uploadOf20MB(String id) {
        byte[] huge = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                            + io.restassured.RestAssured.port + "/api/v1/submissions/" + id + "/items/upload"))
                    .header("Authorization", "Bearer " + LUC_NGAN).header("Content-Type", "text/csv").expectContinue(true)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(huge)).build();
            return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The template filled in: two persons' sheet rows and an association; a formula in a cell when asked. */
    static byte[] workbook(String name, String formula) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet people = wb.newWorksheet("Người ở nước ngoài");
        String[] head = {"Mã dòng", "Thao tác", "Họ và tên", "Ngày sinh", "Mã quê quán", "Quốc gia cư trú", "Nhóm"};
        for (int c = 0; c < head.length; c++) {
            people.value(0, c, head[c]);
        }
        people.value(1, 0, "X-1");
        people.value(1, 1, "Thêm");
        people.value(1, 2, name + " 1");
        people.value(1, 3, java.time.LocalDate.of(1988, 4, 12));
        people.style(1, 3).format("dd/mm/yyyy").set();
        people.value(1, 4, "07591");
        people.value(1, 5, "JP");
        people.value(1, 6, "EXPERT");
        if (formula != null) {
            people.formula(1, 2, formula);
        }
        Worksheet associations = wb.newWorksheet("Hội đoàn");
        String[] ahead = {"Mã dòng", "Thao tác", "Tên hội", "Loại hình", "Quốc gia", "Năm thành lập"};
        for (int c = 0; c < ahead.length; c++) {
            associations.value(0, c, ahead[c]);
        }
        associations.value(1, 0, "H-1");
        associations.value(1, 1, "Thêm");
        associations.value(1, 2, "Hội đồng hương " + name);
        associations.value(1, 3, "HOMETOWN");
        associations.value(1, 4, "JP");
        associations.value(1, 5, 2012);
        wb.finish();
        return out.toByteArray();
    }
}
