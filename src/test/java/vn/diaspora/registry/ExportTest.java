package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;

/** Exports of the lists (issue 13): the lists' filters, scope and redaction, formula-safe cells, Vietnamese headers, audited. */
@QuarkusTest
class ExportTest {
    static final String EXPORT = Api.PERSONS + "/export";

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    /**
     * 100,000 persons living in Iceland (a country no other test uses), written straight into the
     * table for speed and removed afterwards, are exported whole as CSV and NDJSON, streamed.
     */
    @Test
    void aHundredThousandRowsStreamWhole() throws Exception {
        try (var c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("""
                    INSERT INTO person (id, full_name, sex, birth_year, hometown_code, country, residence_status, status,
                                        reporting_unit, province_code, version, content_hash, created_at, created_by, updated_at, updated_by)
                    SELECT gen_random_uuid(), 'Xuất Khẩu Hàng Loạt', 'FEMALE', 1990, '07201', 'IS', 'CITIZEN', 'ACTIVE',
                           '213', '24', 1, 'bulk', now(), 'export-test', now(), 'export-test'
                    FROM generate_series(1, 100000)""");
        }
        try {
            java.io.InputStream csv = as(Api.ADMIN).accept("text/csv").queryParam("format", "csv").queryParam("country", "IS").get(EXPORT)
                    .then().statusCode(200).extract().asInputStream();
            long lines;
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(csv, StandardCharsets.UTF_8))) {
                lines = reader.lines().filter(l -> !l.isEmpty()).count();
            }
            assertEquals(100_001, lines, "the header and every row");
            java.io.InputStream ndjson = as(Api.READER).accept("application/x-ndjson").queryParam("format", "ndjson").queryParam("country", "IS").get(EXPORT)
                    .then().statusCode(200).extract().asInputStream();
            long records;
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
                records = reader.lines().filter(l -> l.contains("\"fullName\":\"Xuất Khẩu Hàng Loạt\"")).count();
            }
            assertEquals(100_000, records);
        } finally {
            try (var c = dataSource.getConnection(); var st = c.createStatement()) {
                st.execute("DELETE FROM person WHERE country = 'IS' AND created_by = 'export-test'");
            }
        }
    }

    /** Three persons of Lục Ngạn named with a word of this test; one lives in Japan and types a formula as occupation. */
    static String threePersons() {
        String word = Api.uniqueWord();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> p = QuarterlyCycleTest.lucNgan("Xuất Tệp " + word + " " + "ABC".charAt(i));
            p.put("country", i == 0 ? "JP" : "KR");
            p.put("occupation", i == 0 ? "=HYPERLINK(\"http://evil.example\",\"x\")" : "Kỹ sư");
            Api.createPerson(Api.UNIT_219, p);
        }
        return word;
    }

    static List<CSVRecord> csv(String token, String word, String... filters) throws Exception {
        var request = as(token).accept("text/csv").queryParam("q", "Xuất Tệp " + word).queryParam("format", "csv");
        for (int i = 0; i < filters.length; i += 2) {
            request.queryParam(filters[i], filters[i + 1]);
        }
        byte[] body = request.get(EXPORT).then().statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString("persons.csv"))
                .extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\ufeff"), "a BOM, so Excel reads UTF-8");
        return CSVFormat.EXCEL.builder().setDelimiter(';').build().parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void aCsvExportHasTheListsRowsVietnameseHeadersAndNoFormula() throws Exception {
        String word = threePersons();
        List<CSVRecord> rows = csv(Api.PROVINCE_24, word);
        List<String> headers = rows.get(0).toList();
        assertEquals(List.of("Mã bản ghi", "Phiên bản", "Họ và tên"), headers.subList(0, 3));
        assertEquals(4, rows.size(), "the header and the three persons: " + rows);
        int occupation = headers.indexOf("Nghề nghiệp");
        int email = headers.indexOf("Email");
        assertTrue(rows.stream().skip(1).anyMatch(r -> r.get(occupation).startsWith("'=HYPERLINK")), "the formula is neutralised");
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(email).equals("someone@example.jp")), "the province's officer sees contacts");

        List<CSVRecord> reader = csv(Api.READER, word);
        assertEquals(4, reader.size());
        assertTrue(reader.stream().skip(1).allMatch(r -> r.get(email).isEmpty()), "api-reader gets no contact fields");
        assertEquals(1, csv(Api.PROVINCE_52, word).size(), "another province exports none of them");
        assertEquals(2, csv(Api.PROVINCE_24, word, "country", "JP").size(), "the list's filters apply");
        as(Api.AUDITOR).queryParam("action", "EXPORT").queryParam("subject", "province-24").get("/api/v1/audit").then().statusCode(200)
                .body("items.collection", org.hamcrest.Matchers.hasItem("persons"));
    }

    @Test
    void xlsxAndNdjsonCarryTheSameRecords() throws Exception {
        String word = threePersons();
        byte[] xlsx = as(Api.PROVINCE_24).accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("q", "Xuất Tệp " + word).queryParam("format", "xlsx").get(EXPORT).then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals("Người ở nước ngoài", wb.getFirstSheet().getName());
            assertEquals("Họ và tên", rows.get(0).getCellText(2));
            assertEquals(4, rows.size());
            assertTrue(rows.stream().skip(1).anyMatch(r -> r.getCellText(headerIndex(rows.get(0), "Nghề nghiệp")).startsWith("'=")));
        }
        String ndjson = as(Api.READER).accept("application/x-ndjson").queryParam("q", "Xuất Tệp " + word).queryParam("format", "ndjson")
                .get(EXPORT).then().statusCode(200).extract().asString();
        List<String> lines = ndjson.lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.contains("\"fullName\":\"Xuất Tệp") && !l.contains("contacts")), ndjson);
    }

    static int headerIndex(Row header, String name) {
        for (int c = 0; c < header.getCellCount(); c++) {
            if (name.equals(header.getCellText(c))) {
                return c;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void aBadFormatOrFilterIsNamed() {
        as(Api.PROVINCE_24).accept("*/*").queryParam("format", "pdf").get(EXPORT).then().statusCode(400).body("errors[0].field", is("format"));
        as(Api.PROVINCE_24).accept("*/*").queryParam("category", "WIZARD").get(EXPORT).then().statusCode(400).body("errors[0].field", is("category"));
        as(Api.PROVINCE_24).accept("*/*").queryParam("q", "x".repeat(300)).get(EXPORT).then().statusCode(400);
        as(Api.AUDITOR).accept("*/*").get(EXPORT).then().statusCode(403);
    }
}
