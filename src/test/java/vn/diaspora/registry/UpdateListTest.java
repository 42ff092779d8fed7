package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;

/**
 * Updates without copying ids (issue 22): a unit downloads its records as the template filled in
 * ("Tải danh sách để cập nhật"), changes one cell, uploads the file as it is otherwise, and the
 * accepted report changes that field only; "Sửa trong báo cáo" on a record's page makes the same
 * UPDATE row, ready to edit.
 */
@QuarkusTest
class UpdateListTest {
    static final String AN_NHON = Tokens.unitOfficer("549");
    static final String BINH_DINH = Tokens.provinceOfficer("52");
    static final String PERSONS_SHEET = "Người ở nước ngoài";

    @Test
    void anUpdateFromTheDownloadedListChangesOnlyTheCellChanged() throws IOException {
        Map<String, Object> data = Api.person("Cập Nhật Danh Sách " + Api.uniqueWord());
        data.put("hometownCode", "21913");
        String id = Api.createPerson(AN_NHON, data);
        Map<String, Object> before = as(AN_NHON).get(Api.PERSONS + "/" + id).then().statusCode(200).extract().jsonPath().getMap("");

        Browser unit = Browser.signedInAs("an-nhon");
        assertTrue(unit.get("/portal/records", 200).contains("/portal/records/update-list.xlsx"), "the list to update is offered");
        byte[] list = unit.request().get("/portal/records/update-list.xlsx").then().statusCode(200).extract().asByteArray();
        byte[] edited = withCell(list, id, "Thành phố", "Kyoto");

        String submission = QuarterlyCycleTest.open(AN_NHON, QuarterlyCycleTest.period());
        Response uploaded = unit.upload("/portal/submissions/" + submission + "/upload", "cap-nhat.xlsx", edited,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals(303, uploaded.statusCode());
        assertTrue(unit.get(uploaded.header("Location").replaceFirst("^https?://[^/]+", ""), 200).contains("Đã lưu tệp"), unit.lastPage);
        as(AN_NHON).get("/api/v1/submissions/" + submission + "/items").then()
                .body("items.find { it.recordId == '" + id + "' }.action", is("UPDATE"))
                .body("items.find { it.recordId == '" + id + "' }.baseVersion", is(1))
                .body("items.find { it.recordId == '" + id + "' }.rowKey", is("SUA-" + id));
        as(AN_NHON).post("/api/v1/submissions/" + submission + "/validate").then().body("errors", is(0)).body("warnings", is(0));
        as(AN_NHON).post("/api/v1/submissions/" + submission + "/submit").then().statusCode(200);
        as(BINH_DINH).post("/api/v1/submissions/" + submission + "/accept").then().statusCode(200);

        Map<String, Object> after = as(AN_NHON).get(Api.PERSONS + "/" + id).then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals("Kyoto", after.get("city"));
        assertEquals(2, after.get("version"));
        for (String field : before.keySet()) {
            if (!List.of("city", "version", "updatedAt", "updatedBy", "source").contains(field)) {
                assertEquals(before.get(field), after.get(field), "only the cell changed changes: " + field);
            }
        }
    }

    @Test
    void aChangeStartsFromTheRecordPageAsAnUpdateRowOfTheOpenReport() {
        String id = Api.createPerson(AN_NHON, anNhon("Sửa Từ Hồ Sơ " + Api.uniqueWord()));
        String report = QuarterlyCycleTest.open(AN_NHON, "2025-Q1");
        Browser unit = Browser.signedInAs("an-nhon");
        assertTrue(unit.get("/portal/record?kind=persons&id=" + id, 200).contains("/to-report"));
        Response added = unit.post("/portal/record/persons/" + id + "/to-report", Map.of());
        assertEquals(303, added.statusCode(), added.asString());
        String row = added.header("Location").replaceFirst("^https?://[^/]+", "");
        assertTrue(row.startsWith("/portal/row?id=" + report + "&kind=PERSON&key=SUA-" + id), row);
        String page = unit.get(row, 200);
        assertTrue(page.contains("value=\"Osaka\"") && page.contains("value=\"Sửa\"") && page.contains("Hồ sơ đã được đưa vào báo cáo"), page);

        Response mended = unit.post("/portal/submissions/" + report + "/row", Map.of("kind", "PERSON", "key", "SUA-" + id,
                "c:Thao tác", "Sửa", "c:Mã bản ghi", id, "c:Phiên bản gốc", "1", "c:Thành phố", "Nara"));
        assertEquals(303, mended.statusCode(), mended.asString());
        as(AN_NHON).get("/api/v1/submissions/" + report + "/items").then()
                .body("items.find { it.rowKey == 'SUA-" + id + "' }.data.city", is("Nara"))
                .body("items.find { it.rowKey == 'SUA-" + id + "' }.baseVersion", is(1));
        as(AN_NHON).post("/api/v1/submissions/" + report + "/validate").then().body("errors", is(0));
        as(Tokens.unitOfficer("219")).get("/api/v1/submissions/" + report).then().statusCode(404);
    }

    private static Map<String, Object> anNhon(String name) {
        Map<String, Object> data = Api.person(name);
        data.put("hometownCode", "21913");
        return data;
    }

    /** The workbook's data sheets copied cell by cell, with one cell of the record's row changed: what an official does in Excel. */
    static byte[] withCell(byte[] workbook, String recordId, String header, String value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean changed = false;
        try (ReadableWorkbook in = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            Workbook copy = new Workbook(out, "test", "1.0");
            for (Sheet sheet : in.getSheets().toList()) {
                if (sheet.getName().equals("Hướng dẫn") || sheet.getName().equals("Danh mục")) {
                    continue;
                }
                Worksheet ws = copy.newWorksheet(sheet.getName());
                List<Row> rows = sheet.read();
                List<String> headers = rows.isEmpty() ? List.of() : rows.get(0).stream().map(c -> c == null ? "" : c.getText()).toList();
                for (Row row : rows) {
                    boolean target = sheet.getName().equals(PERSONS_SHEET) && recordId.equals(row.getCellText(2));
                    for (Cell cell : row) {
                        if (cell == null || cell.getType() == CellType.EMPTY) {
                            continue;
                        }
                        int c = cell.getColumnIndex();
                        if (target && headers.get(c).equals(header)) {
                            ws.value(row.getRowNum() - 1, c, value);
                            changed = true;
                        } else if (cell.getType() == CellType.NUMBER) {
                            ws.value(row.getRowNum() - 1, c, cell.asNumber());
                        } else {
                            ws.value(row.getRowNum() - 1, c, cell.getText());
                        }
                    }
                }
            }
            copy.finish();
        }
        assertTrue(changed, "the record's row and its cell were found in the list");
        return out.toByteArray();
    }
}
