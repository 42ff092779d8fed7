package vn.diaspora.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.diaspora.registry.report.YearlyIndicators;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.QuarterlyCycleTest.BAC_GIANG;
import static vn.diaspora.registry.QuarterlyCycleTest.BINH_DINH;
import static vn.diaspora.registry.QuarterlyCycleTest.LUC_NGAN;
import static vn.diaspora.registry.QuarterlyCycleTest.lucNgan;
import static vn.diaspora.registry.QuarterlyCycleTest.open;
import static vn.diaspora.registry.QuarterlyCycleTest.period;
import static vn.diaspora.registry.QuarterlyCycleTest.put;
import static vn.diaspora.registry.QuarterlyCycleTest.row;
import static vn.diaspora.registry.QuarterlyCycleTest.submit;

/** The yearly report (issue 12): configured indicators and quarterly completeness, reproducible at an instant, as JSON and XLSX. */
@QuarkusTest
class YearlyReportTest {
    static final String REPORT = "/api/v1/reports/yearly";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Lục Ngạn reports a native living in Mongolia for the quarter, and Bắc Giang accepts it. */
    static void reportedAndAccepted(String period) {
        Map<String, Object> person = lucNgan("Ở Mông Cổ " + Api.unique());
        person.put("country", "MN");
        person.put("categories", List.of("EXPERT"));
        String id = open(LUC_NGAN, period);
        put(LUC_NGAN, id, List.of(row("PERSON", "MN-1", "CREATE", person)), 200);
        submit(id);
        as(BAC_GIANG).post("/api/v1/submissions/" + id + "/accept").then().statusCode(200);
    }

    static JsonPath report(int year, Instant known) {
        var request = as(BAC_GIANG).queryParam("year", year);
        if (known != null) {
            request.queryParam("asKnownAt", known.toString());
        }
        return request.get(REPORT).then().statusCode(200).extract().jsonPath();
    }

    /** The row of Mongolia in indicator 1.1 (persons by country): count, added, removed; zeros when absent. */
    static List<Integer> mongolia(JsonPath report) {
        Map<String, Object> row = report.getMap("indicators.find { it.code == '1.1' }.rows.find { it.key == 'MN' }");
        return row == null ? List.of(0, 0, 0) : List.of((Integer) row.get("count"), (Integer) row.get("added"), (Integer) row.get("removed"));
    }

    static Map<String, Object> lucNganIn(JsonPath report, String period) {
        return report.getMap("completeness.find { it.period == '" + period + "' }");
    }

    @Test
    void theSameAsKnownAtGivesTheSameFiguresWhateverIsWrittenLater() throws Exception {
        String q2 = period();
        int year = Integer.parseInt(q2.substring(0, 4));
        reportedAndAccepted(q2);
        JsonPath sent = report(year, null);
        Instant known = Instant.parse(sent.getString("asKnownAt"));
        List<Integer> before = mongolia(sent);
        assertEquals(1, before.get(1), "the accepted person is new in the year it reports (earlier years' persons count at its end too)");
        assertEquals(1, lucNganIn(sent, year + "-Q2").get("reported"));
        assertEquals(0, lucNganIn(sent, year + "-Q3").get("reported"));
        assertEquals("Mông Cổ", sent.getString("indicators.find { it.code == '1.1' }.rows.find { it.key == 'MN' }.label"));
        assertTrue(sent.getList("indicators.find { it.code == '1.2' }.rows.key").contains("EXPERT"), "persons by category");

        Thread.sleep(20);
        reportedAndAccepted(year + "-Q3");  // written after the report was sent

        JsonPath again = report(year, known);
        assertEquals(sent.prettify(), again.prettify(), "the same asKnownAt, the same report");
        JsonPath now = report(year, null);
        assertEquals(List.of(before.get(0) + 1, 2, 0), mongolia(now));
        assertEquals(1, lucNganIn(now, year + "-Q3").get("reported"));
        assertNotEquals(sent.getString("asKnownAt"), now.getString("asKnownAt"));
    }

    @Test
    void theWorkbookHasVietnameseHeadingsAndTheSameFigures() throws Exception {
        String q2 = period();
        int year = Integer.parseInt(q2.substring(0, 4));
        reportedAndAccepted(q2);
        Instant known = Instant.now();
        List<Integer> mongolia = mongolia(report(year, known));
        byte[] xlsx = as(BAC_GIANG).accept(XLSX).queryParam("year", year).queryParam("asKnownAt", known.toString()).get(REPORT)
                .then().statusCode(200).header("Content-Disposition", containsString("bao-cao-nam-" + year)).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<List<String>> rows = wb.getFirstSheet().read().stream()
                    .map(r -> r.stream().map(c -> c == null ? "" : c.getRawValue() == null ? "" : c.getRawValue()).toList()).toList();
            assertEquals("Báo cáo năm " + year, wb.getFirstSheet().getName());
            assertTrue(rows.stream().anyMatch(r -> r.contains("Số lượng cuối năm")), "Vietnamese headings");
            assertTrue(rows.stream().anyMatch(r -> r.size() > 2 && r.get(0).equals("MN") && r.get(1).equals("Mông Cổ")
                            && r.subList(2, 5).equals(mongolia.stream().map(String::valueOf).toList())),
                    "Mongolia's row with the count of the JSON report: " + rows);
            assertTrue(rows.stream().anyMatch(r -> r.contains(year + "-Q2")), "completeness per quarter");
        }
    }

    @Test
    void badAndForeignAsksAreRefusedNamingTheField() {
        as(BAC_GIANG).queryParam("year", "20x5").get(REPORT).then().statusCode(400).body("errors[0].field", is("year"));
        as(BAC_GIANG).get(REPORT).then().statusCode(400).body("errors[0].field", is("year"));
        as(BAC_GIANG).queryParam("year", "2999").get(REPORT).then().statusCode(400).body("errors[0].field", is("year"));
        as(BAC_GIANG).queryParam("year", "2025").queryParam("asKnownAt", Instant.now().plusSeconds(3600).toString()).get(REPORT)
                .then().statusCode(400).body("errors[0].field", is("asKnownAt"));
        as(BINH_DINH).queryParam("year", "2025").queryParam("province", "24").get(REPORT).then().statusCode(403);
        as(LUC_NGAN).queryParam("year", "2025").get(REPORT).then().statusCode(403);
        as(Api.READER).queryParam("year", "2025").get(REPORT).then().statusCode(403);
    }

    @Test
    void anIndicatorFileNamingAnUnknownGroupingStopsTheStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("indicators.json");
        Files.writeString(file, "{\"indicators\": [{\"code\": \"9\", \"groupBy\": \"SHOE_SIZE\", \"columns\": [\"count\"], \"title\": {\"vi\": \"x\", \"en\": \"x\"}}]}");
        Exception e = assertThrows(RuntimeException.class, () -> new YearlyIndicators(new ObjectMapper(), Optional.of(file)));
        assertTrue(e.getMessage().contains("SHOE_SIZE"), e.getMessage());
        Files.writeString(file, "{\"indicators\": [{\"code\": \"9\", \"groupBy\": \"COUNTRY\", \"columns\": [\"colour\"], \"title\": {\"vi\": \"x\", \"en\": \"x\"}}]}");
        e = assertThrows(IllegalStateException.class, () -> new YearlyIndicators(new ObjectMapper(), Optional.of(file)));
        assertTrue(e.getMessage().contains("columns"), e.getMessage());
    }
}
