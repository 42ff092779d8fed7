package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;
import static vn.diaspora.registry.Api.unique;

/**
 * The quarterly cycle end to end. Each test takes periods of its own (a unit opens one
 * submission per period), so that tests never depend on each other or on earlier runs' data:
 * the periods are pre-reform quarters (units: districts) drawn from a per-run offset.
 */
@QuarkusTest
class QuarterlyCycleTest {
    static final String LUC_NGAN = Tokens.unitOfficer("219");
    static final String YEN_THE = Tokens.unitOfficer("215");
    static final String BAC_GIANG = Tokens.provinceOfficer("24");
    static final String BINH_DINH = Tokens.provinceOfficer("52");
    /**
     * A pre-reform quarter no test has used. The year is counted in a system property, one for the
     * whole JVM: a test profile restarts the application with the test classes reloaded, on the
     * same database.
     */
    public static String period() {
        synchronized (System.class) {
            int year = Integer.getInteger("diaspora.test.year", 1000 + (int) (System.nanoTime() % 900));
            System.setProperty("diaspora.test.year", String.valueOf(year + 1));
            return year + "-Q2";
        }
    }

    static String open(String token, String period) {
        return as(token).post("/api/v1/periods/" + period + "/submissions").then().statusCode(201)
                .body("state", is("DRAFT")).extract().path("id");
    }

    static Map<String, Object> row(String kind, String rowKey, String action, Object data) {
        Map<String, Object> r = new HashMap<>();
        r.put("kind", kind);
        r.put("rowKey", rowKey);
        r.put("action", action);
        if (data != null) {
            r.put("data", data);
        }
        return r;
    }

    static Map<String, Object> change(String rowKey, String recordId, int baseVersion, Object data) {
        Map<String, Object> r = row("PERSON", rowKey, data == null ? "DELETE" : "UPDATE", data);
        r.put("recordId", recordId);
        r.put("baseVersion", baseVersion);
        return r;
    }

    /** A native of Lục Ngạn (district 219): commune 07591. */
    static Map<String, Object> lucNgan(String name) {
        Map<String, Object> p = person(name);
        p.put("hometownCode", "07591");
        return p;
    }

    static void put(String token, String id, List<?> rows, int status) {
        as(token).body(rows).put("/api/v1/submissions/" + id + "/items").then().statusCode(status);
    }

    static void submit(String id) {
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/submit").then().statusCode(200).body("state", is("SUBMITTED"));
    }

    @Test
    void draftSubmitAcceptAppliesEveryRowAndHistoryNamesTheSubmission() {
        String period = period();
        String newName = "Quý Mới " + unique();
        String toChange = createPerson(ADMIN, lucNgan("Sẽ Sửa " + unique()));
        String toDelete = createPerson(ADMIN, lucNgan("Sẽ Xóa " + unique()));
        String id = open(LUC_NGAN, period);
        as(LUC_NGAN).post("/api/v1/periods/" + period + "/submissions").then().statusCode(409);

        Map<String, Object> changed = lucNgan("Đã Sửa " + unique());
        changed.put("country", "KR");
        put(LUC_NGAN, id, List.of(row("PERSON", "LN-1", "CREATE", lucNgan("bản nháp"))), 200);
        // a re-upload of row LN-1 replaces it instead of adding one
        put(LUC_NGAN, id, List.of(row("PERSON", "LN-1", "CREATE", lucNgan(newName)),
                change("LN-2", toChange, 1, changed), change("LN-3", toDelete, 1, null)), 200);
        as(LUC_NGAN).get("/api/v1/submissions/" + id + "/items").then().statusCode(200)
                .body("items", hasSize(3)).body("items.rowKey", contains("LN-1", "LN-2", "LN-3"))
               .body("items[0].data.fullName", is(newName));
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/validate").then().statusCode(200)
                .body("rows", is(3)).body("errors", is(0)).body("ok", is(3));
        as(ADMIN).queryParam("q", newName).get(PERSONS).then().body("items", hasSize(0)); // a dry run writes nothing

        submit(id);
        put(LUC_NGAN, id, List.of(row("PERSON", "LN-9", "CREATE", lucNgan("Quá Muộn"))), 409); // submitted: no more edits
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/accept").then().statusCode(403);     // units do not accept
        as(BINH_DINH).post("/api/v1/submissions/" + id + "/accept").then().statusCode(404);    // nor another province
        as(BAC_GIANG).post("/api/v1/submissions/" + id + "/accept").then().statusCode(200)
                .body("state", is("ACCEPTED")).body("reviewedBy", is("province-24"));

        String created = as(ADMIN).queryParam("q", newName).get(PERSONS).then().body("items", hasSize(1))
                .body("items[0].reportingUnit", is("219")).extract().path("items[0].id");
        as(ADMIN).get(PERSONS + "/" + created + "/history").then().body("items[0].submissionId", is(id));
        as(ADMIN).get(PERSONS + "/" + toChange).then().body("version", is(2)).body("country", is("KR"));
        as(ADMIN).get(PERSONS + "/" + toChange + "/history").then().body("items[0].submissionId", is(id));
        as(ADMIN).get(PERSONS + "/" + toDelete).then().statusCode(404);
        as(LUC_NGAN).get("/api/v1/submissions/" + id + "/items").then().body("items.appliedId", everyItem(notNullValue()));

        // accepting twice changes nothing more
        as(BAC_GIANG).post("/api/v1/submissions/" + id + "/accept").then().statusCode(200).body("state", is("ACCEPTED"));
        as(ADMIN).queryParam("q", newName).get(PERSONS).then().body("items", hasSize(1));
        as(ADMIN).get(PERSONS + "/" + toChange).then().body("version", is(2));
    }

    @Test
    void dryRunReportsEveryProblemPerRowInBothLanguages() {
        String period = period();
        String existingName = "Trùng Tên " + unique();
        Map<String, Object> existing = lucNgan(existingName);
        createPerson(ADMIN, existing);
        String otherUnits = createPerson(ADMIN, person("Của Đơn Vị Khác " + unique())); // district 213
        String stale = createPerson(ADMIN, lucNgan("Đã Đổi " + unique()));
        as(ADMIN).contentType("application/merge-patch+json").header("If-Match", "W/\"1\"").body("{\"city\":\"Nara\"}")
                .patch(PERSONS + "/" + stale).then().statusCode(200);

        String similar = Api.uniqueWord();
        createPerson(ADMIN, lucNgan("Nguyễn Văn " + similar));
        Map<String, Object> typo = lucNgan("Nguyen Van " + similar.substring(0, 10) + similar.charAt(11) + similar.charAt(10));
        Map<String, Object> badHometown = lucNgan("Sai Quê " + unique());
        badHometown.put("hometownCode", "99999");
        Map<String, Object> noName = lucNgan("x");
        noName.remove("fullName");
        String id = open(LUC_NGAN, period);
        put(LUC_NGAN, id, List.of(
                row("PERSON", "R1", "CREATE", badHometown),
                row("PERSON", "R2", "CREATE", noName),
                change("R3", otherUnits, 1, lucNgan("Đổi Hộ")),
                change("R4", stale, 1, lucNgan("Đổi Muộn")),
                row("PERSON", "R5", "CREATE", existing),
                row("PERSON", "R6", "CREATE", lucNgan("Hoàn Toàn Mới " + unique())),
                row("PERSON", "R7", "CREATE", typo)), 200);
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/validate").then().statusCode(200)
                .body("rows", is(7)).body("errors", is(4)).body("warnings", is(2)).body("ok", is(1))
                .body("findings.find { it.rowKey == 'R7' }.level", is("WARNING"))
                .body("findings.find { it.rowKey == 'R1' }.field", is("hometownCode"))
                .body("findings.find { it.rowKey == 'R1' }.code", is("HOMETOWN_UNKNOWN"))
                .body("findings.find { it.rowKey == 'R1' }.messageVi", is("Mã quê quán không phải huyện hoặc xã của Bắc Giang hoặc Bình Định"))
                .body("findings.find { it.rowKey == 'R2' }.messageVi", org.hamcrest.Matchers.startsWith("Thiếu trường bắt buộc"))
                .body("findings.find { it.rowKey == 'R3' }.code", is("RECORD_NOT_IN_UNIT"))
                .body("findings.find { it.rowKey == 'R4' }.code", is("BASE_VERSION_CONFLICT"))
                .body("findings.find { it.rowKey == 'R5' }.level", is("WARNING"))
                .body("findings.find { it.rowKey == 'R6' }.level", is("OK"));
    }

    @Test
    void acceptIsAllOrNothingAndAConflictingSecondSubmissionCannotSilentlyWin() {
        String target = createPerson(ADMIN, lucNgan("Hai Đơn " + unique()));
        String firstNew = "Không Được Tạo " + unique();
        String first = open(LUC_NGAN, period());
        String second = open(LUC_NGAN, period());
        Map<String, Object> a = lucNgan("Sửa Lần A");
        Map<String, Object> b = lucNgan("Sửa Lần B");
        put(LUC_NGAN, first, List.of(change("X", target, 1, a)), 200);
        put(LUC_NGAN, second, List.of(row("PERSON", "N", "CREATE", lucNgan(firstNew)), change("X", target, 1, b)), 200);
        submit(first);
        submit(second);
        as(BAC_GIANG).post("/api/v1/submissions/" + first + "/accept").then().statusCode(200);
        as(BAC_GIANG).post("/api/v1/submissions/" + second + "/accept").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("PERSON X baseVersion"));
        // nothing of the second was applied, and it can be returned to be fixed
        as(ADMIN).queryParam("q", firstNew).get(PERSONS).then().body("items", hasSize(0));
        as(ADMIN).get(PERSONS + "/" + target).then().body("fullName", is("Sửa Lần A")).body("version", is(2));
        as(BAC_GIANG).get("/api/v1/submissions/" + second).then().body("state", is("SUBMITTED"));
        as(BAC_GIANG).body(Map.of("comment", "Hàng X đã bị sửa bởi kỳ trước, hãy cập nhật lại")).post("/api/v1/submissions/" + second + "/return")
                .then().statusCode(200).body("state", is("RETURNED")).body("reviewComment", notNullValue());
        put(LUC_NGAN, second, List.of(change("X", target, 2, b)), 200);
        submit(second);
        as(BAC_GIANG).post("/api/v1/submissions/" + second + "/accept").then().statusCode(200);
        as(ADMIN).get(PERSONS + "/" + target).then().body("fullName", is("Sửa Lần B")).body("version", is(3));
    }

    @Test
    void noChangesIsAValidReportAndCompletenessCountsIt() {
        String period = period();
        String id = open(YEN_THE, period);
        as(YEN_THE).post("/api/v1/submissions/" + id + "/submit").then().statusCode(409).body("errors.code", hasItem("NO_ROWS"));
        as(YEN_THE).post("/api/v1/submissions/" + id + "/submit?noChanges=true").then().statusCode(200);
        as(BAC_GIANG).post("/api/v1/submissions/" + id + "/accept").then().statusCode(200).body("itemCount", is(0));
        open(LUC_NGAN, period); // a draft is not a report
        as(BAC_GIANG).get("/api/v1/periods/" + period + "/completeness").then().statusCode(200)
                .body("expectedUnits", is(10))
                .body("reported", is(1)).body("accepted", is(1))
                .body("reportedRate", is(0.1f))
                .body("onTime", is(0)) // the deadline of a past quarter has passed
                .body("units.find { it.unitCode == '215' }.state", is("ACCEPTED"))
                .body("units.find { it.unitCode == '215' }.late", is(true))
                .body("units.find { it.unitCode == '219' }.state", is("DRAFT"))
                .body("units.find { it.unitCode == '213' }.state", is("NOT_STARTED"))
                .body("units.find { it.unitCode == '213' }.unitName", is("Thành phố Bắc Giang"));
        as(BAC_GIANG).queryParam("state", "ACCEPTED").get("/api/v1/periods/" + period + "/submissions").then()
                .statusCode(200).body("items.unitCode", contains("215"));
        as(LUC_NGAN).get("/api/v1/periods/" + period + "/completeness").then().statusCode(403);
    }

    @Test
    void onTimeBeforeTheDeadlineAfterTheReformCommunesReport() {
        String period = "2099-Q" + (1 + (int) (System.nanoTime() % 4));
        String commune = Tokens.unitOfficer("07210"); // Phường Bắc Giang, a post-reform commune
        as(BAC_GIANG).get("/api/v1/periods/" + period).then().statusCode(200)
                .body("units", hasItem("07210")).body("units.size()", is(58)).body("configured", is(false));
        Object existing = as(commune).get("/api/v1/periods/" + period + "/submissions").then().extract().path("items.id[0]");
        String id = existing != null ? existing.toString() : open(commune, period);
        as(commune).post("/api/v1/submissions/" + id + "/submit?noChanges=true");
        as(BAC_GIANG).get("/api/v1/periods/" + period + "/completeness").then().statusCode(200)
                .body("units.find { it.unitCode == '07210' }.onTime", is(true))
                .body("units.find { it.unitCode == '07210' }.late", is(false))
                .body("units.find { it.unitCode == '07228' }.late", is(false));
        as(LUC_NGAN).post("/api/v1/periods/" + period + "/submissions").then().statusCode(422); // districts no longer report
    }

    @Test
    void theRegistryAdminSetsTheUnitsOfAPeriod() {
        String period = period();
        as(ADMIN).queryParam("province", "24").body(List.of("213", "219")).put("/api/v1/periods/" + period + "/units")
                .then().statusCode(200).body("units", contains("213", "219")).body("configured", is(true));
        as(ADMIN).queryParam("province", "24").body(List.of("213", "540")).put("/api/v1/periods/" + period + "/units")
                .then().statusCode(422).body("errors[0].field", is("[1]"));
        as(BAC_GIANG).body(List.of("213")).put("/api/v1/periods/" + period + "/units?province=24").then().statusCode(403);
        as(BAC_GIANG).get("/api/v1/periods/" + period + "/completeness").then().body("expectedUnits", is(2));
        as(YEN_THE).post("/api/v1/periods/" + period + "/submissions").then().statusCode(422); // 215 is not expected this time
    }

    @Test
    void transitionsOutOfOrderAndByTheWrongRoleAreRefused() {
        String id = open(LUC_NGAN, period());
        as(BAC_GIANG).post("/api/v1/submissions/" + id + "/accept").then().statusCode(409).body("errors[0].field", is("state"));
        as(BAC_GIANG).body(Map.of("comment", "x")).post("/api/v1/submissions/" + id + "/return").then().statusCode(409);
        as(BAC_GIANG).post("/api/v1/submissions/" + id + "/submit?noChanges=true").then().statusCode(403);
        as(YEN_THE).post("/api/v1/submissions/" + id + "/submit?noChanges=true").then().statusCode(404); // another unit's submission is not visible
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/submit?noChanges=true").then().statusCode(200).body("state", is("SUBMITTED"));
        as(LUC_NGAN).post("/api/v1/submissions/" + id + "/submit?noChanges=true").then().statusCode(409);
        as(BAC_GIANG).body(Map.of("comment", " ")).post("/api/v1/submissions/" + id + "/return").then().statusCode(422)
                .body("errors[0].field", is("comment"));
        as(Api.READER).get("/api/v1/submissions/" + id).then().statusCode(403);
        as(BAC_GIANG).post("/api/v1/submissions/" + id + "/accept").then().statusCode(200);
        as(BAC_GIANG).body(Map.of("comment", "late")).post("/api/v1/submissions/" + id + "/return").then().statusCode(409);
        put(LUC_NGAN, id, List.of(row("PERSON", "Z", "CREATE", lucNgan("Sau Khi Duyệt"))), 409);
    }

    @Test
    void badPeriodsAndRowsAreClear4xx() {
        as(LUC_NGAN).post("/api/v1/periods/2026-Q5/submissions").then().statusCode(400).body("errors[0].field", is("period"));
        as(BAC_GIANG).get("/api/v1/periods/Q3-2026/completeness").then().statusCode(400);
        String id = open(LUC_NGAN, period());
        as(LUC_NGAN).body(List.of(Map.of("kind", "PLANET", "rowKey", "1", "action", "CREATE"))).put("/api/v1/submissions/" + id + "/items")
                .then().statusCode(400).body("errors[0].field", is("[0].kind"));
        as(LUC_NGAN).body(List.of(Map.of("kind", "PERSON", "action", "CREATE"))).put("/api/v1/submissions/" + id + "/items")
                .then().statusCode(422).body("errors[0].field", is("[0].rowKey"));
        as(YEN_THE).body(List.of(row("PERSON", "1", "CREATE", lucNgan("x")))).put("/api/v1/submissions/" + id + "/items")
                .then().statusCode(404); // another unit's submission does not exist for it
        as(LUC_NGAN).get("/api/v1/submissions/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theRowsOfASubmissionArePagedInOrder() {
        String id = open(LUC_NGAN, period());
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rows.add(row("PERSON", "P-" + i, "CREATE", lucNgan("Trang " + i + " " + unique())));
        }
        as(LUC_NGAN).body(rows).put("/api/v1/submissions/" + id + "/items").then().statusCode(200)
                .body("rowsStored", is(7)).body("itemCount", is(7));
        String next = as(LUC_NGAN).queryParam("limit", 5).get("/api/v1/submissions/" + id + "/items").then().statusCode(200)
                .body("items.rowKey", contains("P-1", "P-2", "P-3", "P-4", "P-5")).extract().path("nextCursor");
        as(LUC_NGAN).queryParam("limit", 5).queryParam("cursor", next).get("/api/v1/submissions/" + id + "/items").then()
                .body("items.rowKey", contains("P-6", "P-7")).body("nextCursor", org.hamcrest.Matchers.nullValue());
        as(LUC_NGAN).queryParam("limit", 501).get("/api/v1/submissions/" + id + "/items").then().statusCode(400);
    }
}
