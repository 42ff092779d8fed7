package vn.diaspora.registry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;

/**
 * The officer portal in a browser (issue 12), signed in through the real Keycloak (client
 * registry-portal, authorization code + PKCE): src/test/browser/portal.mjs walks the quarterly
 * cycle as a unit officer and the Department would, with axe-core on every page. Screenshots
 * stay in target/portal/.
 */
@Tag("e2e")
@QuarkusTest
@TestProfile(KeycloakE2ETest.RealKeycloak.class)
class PortalBrowserTest {
    static final Path OUT = Path.of("target/portal");
    static final String PERSONS_SHEET = "Người ở nước ngoài";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aQuarterIsReportedReturnedMendedAndAcceptedInTheBrowserWithNoSeriousAccessibilityViolation() throws Exception {
        assertTrue(Files.isDirectory(Path.of("src/test/browser/node_modules/@axe-core/playwright")),
                "run `npm ci --prefix src/test/browser` first (.ci/run does)");
        String unit = KeycloakE2ETest.password("officer-luc-ngan");
        String period = (1100 + ThreadLocalRandom.current().nextInt(800)) + "-Q3";
        String submission = as(unit).post("/api/v1/periods/" + period + "/submissions").then().statusCode(201).extract().path("id");
        List<String> headers = personHeaders(as(unit).accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").get("/api/v1/templates/submission.xlsx").then().statusCode(200).extract().asByteArray());
        Files.createDirectories(OUT);
        Path bad = OUT.resolve("bad.xlsx");
        Path good = OUT.resolve("good.xlsx");
        String name = "Trình Duyệt " + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        workbook(bad, headers, List.of(row(headers, "TD-1", name + " Một", "07591"), row(headers, "TD-2", name + " Hai", "99999")));
        workbook(good, headers, List.of(row(headers, "TD-2", name + " Hai", "07591")));
        Path wrong = OUT.resolve("bao-cao.xlsx");
        Files.write(wrong, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1));

        // a second report, sent with a row like a registered person: the Department decides it in bulk in the browser
        String twin = "Trùng Trình Duyệt " + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        java.util.Map<String, Object> person = vn.diaspora.registry.Api.person(twin);
        person.put("hometownCode", "07591");
        vn.diaspora.registry.Api.createPerson(KeycloakE2ETest.password("province-bac-giang"), person);
        String duplicates = as(unit).post("/api/v1/periods/" + (1100 + ThreadLocalRandom.current().nextInt(800)) + "-Q1/submissions").then()
                .statusCode(201).extract().path("id");
        as(unit).body(List.of(java.util.Map.of("kind", "PERSON", "rowKey", "TD-TRUNG", "action", "CREATE", "data", person)))
                .put("/api/v1/submissions/" + duplicates + "/items").then().statusCode(200);
        as(unit).post("/api/v1/submissions/" + duplicates + "/submit").then().statusCode(200);

        // the unit's open report for "Sửa trong báo cáo" (a district reports the quarters before the 2025 reform)
        io.restassured.response.Response open = as(unit).post("/api/v1/periods/2025-Q2/submissions");
        String openReport = open.statusCode() == 201 ? open.path("id")
                : as(unit).get("/api/v1/periods/2025-Q2/submissions").then().extract().path("items[0].id");

        JsonNode seen = run("node", "src/test/browser/portal.mjs", base.toString().replaceAll("/$", ""), OUT.toString(), submission, period,
                bad.toString(), good.toString(), name + " Hai", wrong.toString(), duplicates, openReport);

        assertNull(seen.get("error"), "the browser stopped: " + seen);
        assertTrue(seen.get("problems").toString().indexOf("Content Security Policy") < 0, "the pages keep to their CSP: " + seen.get("problems"));
        assertTrue(seen.get("badSummary").asText().contains("1 có lỗi"), seen.toString());
        assertTrue(seen.get("errorRows").get(0).asText().contains("\t3\t"), "the bad row shown at its line 3: " + seen.get("errorRows"));
        assertTrue(seen.get("goodSummary").asText().contains("2 dòng: 2 hợp lệ"), seen.toString());
        assertTrue(seen.get("completenessRow").asText().contains("Đã gửi"), seen.toString());
        assertEquals(1, seen.get("unitSeesComment").asInt(), "the unit reads the Department's comment");
        assertEquals(0, seen.get("problems").size(), "F5, Back and Forward after every POST land on a page without error: " + seen.get("problems"));
        assertTrue(seen.get("wrongFile").asText().contains("Tệp không phải bảng tính"), "a wrong file told in Vietnamese: " + seen.get("wrongFile"));
        assertEquals(1, seen.get("wrongFileAfterReload").asInt(), "the refusal survives F5 and Back");
        assertTrue(seen.get("submitConfirm").asText().contains("Gửi 2 dòng cho Sở Ngoại vụ"), seen.toString());
        assertTrue(seen.get("submitDone").asText().contains("Đã gửi báo cáo"), seen.toString());
        assertEquals("Đã gửi", seen.get("stateAfterEnter").asText(), "Enter in a row comment decides nothing");
        assertEquals("/portal/review", seen.get("urlAfterEnter").asText());
        assertTrue(seen.get("reviewInEnglish").asText().startsWith("Review"), "the language switch keeps the review and its id: " + seen.get("reviewInEnglish"));
        assertEquals("Đề nghị rà soát", seen.get("commentKept").asText(), "the language switch keeps what was typed");
        assertTrue(seen.get("returnDone").asText().contains("Đã trả lại"), seen.toString());
        assertEquals(1, seen.get("unitSeesRowComment").asInt(), "the row comment reaches the unit");
        assertTrue(seen.get("acceptConfirm").asText().startsWith("Duyệt 2 dòng: 2 thêm mới, 0 sửa, 0 xóa"), seen.get("acceptConfirm").asText());
        assertTrue(seen.get("acceptedSummary").asText().contains("2 dòng: 2 hợp lệ, 0 có cảnh báo, 0 có lỗi"), "no false finding after the accept: " + seen);
        assertEquals("Đã duyệt", seen.get("finalState").asText());
        assertTrue(seen.get("rowComment").asText().contains("Kiểm tra lại năm sinh"), "the row's comment on its page: " + seen.get("rowComment"));
        assertEquals("/portal/row", seen.get("rowUrlAfterEnter").asText(), "Enter in a cell of the row editor saves nothing");
        assertTrue(seen.get("recordAfterEnter").asText().contains("Phiên bản 1"), "Enter in a field of a record saves nothing: " + seen.get("recordAfterEnter"));
        assertEquals("Có lỗi", seen.get("notFound").asText());
        seen.get("languageSwitch").fields().forEachRemaining(p -> assertEquals("en", p.getValue().asText(), p.getKey() + ": the language switch keeps the page"));
        assertEquals(9, seen.get("languageSwitch").size(), "every page switched");
        assertTrue(seen.get("duplicatesDone").asText().contains("không phải cùng một người"), "the likely duplicates decided in bulk: " + seen);
        assertEquals(0, seen.get("duplicatesLeft").asInt(), "none left to decide");
        assertTrue(seen.get("updateRowSaved").asText().contains("Đã lưu dòng"), seen.toString());
        assertEquals("[\"Nhật Bản (JP)\",\"Nữ\"]", seen.get("recordValues").toString(), "values as officials know them, not codes");
        // the update list: the row of the person changed in one cell, the others unchanged; accepted, only that cell changed
        assertEquals(1, seen.get("updateListRows").asInt(), "the person's row found in the downloaded list");
        assertTrue(seen.get("updateListSummary").asText().contains("0 có lỗi"), seen.toString());
        assertTrue(seen.get("updateListConfirm").asText().contains("0 thêm mới"), "the list holds updates only: " + seen.get("updateListConfirm"));
        String province = KeycloakE2ETest.password("province-bac-giang");
        java.util.Map<String, Object> after = as(province).queryParam("q", name + " Hai").get("/api/v1/persons").then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
        assertEquals("Sapporo", after.get("city"), "the changed cell: " + after);
        assertEquals(2, after.get("version"), "one new version");
        java.util.Map<String, Object> before = as(province).get("/api/v1/persons/" + after.get("id") + "/history").then().statusCode(200)
                .extract().jsonPath().getMap("items.find { it.version == 1 }.snapshot");
        before.forEach((field, value) -> {
            if (!field.equals("city")) {
                assertEquals(value, after.get(field), "only the changed cell changes: " + field);
            }
        });
        assertTrue(Files.size(OUT.resolve("findings.xlsx")) > 0 && Files.size(OUT.resolve("update-list.xlsx")) > 0, "both workbooks downloaded");
        assertTrue(seen.get("recordOpened").asText().contains("Người ở nước ngoài"), "the accepted person found and opened: " + seen);
        assertEquals(6, seen.get("statisticsCharts").asInt(), "six charts");
        assertTrue(seen.get("statisticsTables").asInt() >= 1, "a table view of every chart with figures (persons at least)");
        assertTrue(seen.get("signedOut").asBoolean());
        seen.get("pages").fields().forEachRemaining(p -> assertEquals(0, p.getValue().get("serious").size(),
                p.getKey() + ": serious or critical axe violations " + p.getValue().get("serious")));
        assertTrue(Files.isRegularFile(OUT.resolve("unit-dry-run.png")) && Files.isRegularFile(OUT.resolve("province-review.png")));
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(OUT.resolve("yearly.xlsx")))) {
            assertEquals("Báo cáo năm " + period.substring(0, 4), wb.getFirstSheet().getName());
        }
        String accepted = as(KeycloakE2ETest.password("province-bac-giang")).queryParam("q", name + " Hai").get("/api/v1/persons")
                .then().statusCode(200).extract().path("items[0].fullName");
        assertEquals(name + " Hai", accepted, "the accepted row is a record");
    }

    static List<String> personHeaders(byte[] template) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            var sheet = wb.findSheet(PERSONS_SHEET).orElseThrow();
            return sheet.openStream().findFirst().orElseThrow().stream().map(c -> c == null ? "" : c.getRawValue()).toList();
        }
    }

    /** A row of the persons sheet: row key, action Thêm, the name and hometown, and what a person needs besides. */
    static List<String> row(List<String> headers, String key, String name, String hometown) {
        java.util.Map<String, String> values = java.util.Map.of("Mã dòng", key, "Thao tác", "Thêm", "Họ và tên", name, "Năm sinh", "1985",
                "Mã quê quán", hometown, "Quốc gia cư trú", "JP", "Giới tính", "Nữ");
        return headers.stream().map(h -> values.getOrDefault(h, "")).toList();
    }

    static void workbook(Path file, List<String> headers, List<List<String>> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet(PERSONS_SHEET);
            for (int c = 0; c < headers.size(); c++) {
                ws.value(0, c, headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < headers.size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        ws.value(r + 1, c, rows.get(r).get(c));
                    }
                }
            }
            wb.finish();
        }
    }

    private static JsonNode run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
        }
        assertTrue(done, "the browser test did not finish in 5 minutes: " + output + errors);
        assertEquals(0, process.exitValue(), output + errors);
        return new ObjectMapper().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
    }
}
