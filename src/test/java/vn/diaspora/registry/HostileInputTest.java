package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.person;

/** Hostile input is normal input (issue 9, findings 8 and 10): a clear 4xx naming the field, never a 5xx. */
@QuarkusTest
class HostileInputTest {

    static String cursor(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1\u001f" + String.join("\u001f", keys)).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "1f", "1d", "NaN", "Infinity", "-0x1p3", "0.5; DROP TABLE person"})
    void aSearchCursorWithANumberJavaReadsButPostgreSqlDoesNotIs400(String distance) {
        as(PROVINCE_24).queryParam("q", "nguyen").queryParam("cursor", cursor(distance, UUID.randomUUID().toString()))
                .get(PERSONS).then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("cursor"));
    }

    @Test
    void aCursorOfThisServiceStillWorks() {
        String word = Api.uniqueWord();
        for (int i = 0; i < 3; i++) {
            Api.createPerson(PROVINCE_24, person("Lê Thị " + word));
        }
        String next = as(PROVINCE_24).queryParam("q", "le thi " + word).queryParam("limit", 2).get(PERSONS).then().statusCode(200)
                .extract().path("nextCursor");
        as(PROVINCE_24).queryParam("q", "le thi " + word).queryParam("limit", 2).queryParam("cursor", next).get(PERSONS).then()
                .statusCode(200).body("items.size()", is(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/persons?q=%00", "/api/v1/persons?country=J%00", "/api/v1/persons?hometown=07%0021",
            "/api/v1/audit?subject=a%00b", "/api/v1/admin-units?code=07%00", "/api/v1/persons?q=a%01b"})
    void aControlCharacterInAQueryIs400NamingTheParameter(String url) {
        String parameter = url.substring(url.indexOf('?') + 1, url.indexOf('='));
        String token = url.contains("audit") ? Api.AUDITOR : PROVINCE_24;
        RestAssured.given().urlEncodingEnabled(false).auth().oauth2(token).get(url).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", is(parameter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nguy\\u0000n", "Nguy\\ud800n", "Nguy\\udc00n", "Nguy\\u0007n", "\\uffff"})
    void aNulAControlCharacterOrALoneSurrogateInJsonIs400NamingTheField(String escaped) {
        String body = "{\"fullName\":\"" + escaped + "\",\"hometownCode\":\"07201\",\"country\":\"JP\"}";
        as(PROVINCE_24).body(body).post(PERSONS).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("fullName"));
        as(PROVINCE_24).body("{\"fullName\":\"A\",\"hometownCode\":\"07201\",\"country\":\"JP\",\"contacts\":{\"email\":\"a" + escaped + "@b.vn\"}}")
                .post(PERSONS).then().statusCode(400).body("errors[0].field", is("contacts.email"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B\u200B", "\u00A0\u00A0", "\u2800", "\u3164", "\uFEFF", "\u200B\u00A0\u3164", "123", "-- ."})
    void aNameOfNothingVisibleOrWithoutALetterIsRefused(String name) {
        as(PROVINCE_24).body(person(name)).post(PERSONS).then().statusCode(422).body("errors.field", hasItem("fullName"));
    }

    @Test
    void invisibleCharactersInsideANameAreRemovedSoSearchAndDuplicatesSeeThroughThem() {
        String word = Api.uniqueWord();
        String id = Api.createPerson(PROVINCE_24, person("Trần\u200B\u00A0 Văn\uFEFF  " + word.substring(0, 6) + "\u200D" + word.substring(6)));
        as(PROVINCE_24).get(PERSONS + "/" + id).then().body("fullName", is("Trần Văn " + word));
        as(PROVINCE_24).queryParam("q", "tran van " + word).get(PERSONS).then().body("items.id", hasItem(id));
    }

    @Test
    void notesKeepTheirLinesButNotTheirInvisibleCharacters() {
        Map<String, Object> body = person("Ghi Chú " + Api.uniqueWord());
        body.put("notes", "dòng một\u200B  \r\ndòng   hai");
        String id = Api.createPerson(PROVINCE_24, body);
        as(PROVINCE_24).get(PERSONS + "/" + id).then().body("notes", is("dòng một\ndòng hai"));
    }

    @Test
    void aNulInASubmissionRowOrAnUploadedCellIsNamed() {
        String id = QuarterlyCycleTest.open(QuarterlyCycleTest.LUC_NGAN, QuarterlyCycleTest.period());
        Map<String, Object> data = QuarterlyCycleTest.lucNgan("Nguy\u0000n");
        as(QuarterlyCycleTest.LUC_NGAN).body(List.of(QuarterlyCycleTest.row("PERSON", "A", "CREATE", data)))
                .put("/api/v1/submissions/" + id + "/items").then().statusCode(422).body("errors[0].field", is("[0].data.fullName"));
        as(QuarterlyCycleTest.LUC_NGAN).body("[{\"kind\":\"PERSON\",\"rowKey\":\"A\",\"action\":\"CREATE\",\"data\":{\"full\\u0000\":1}}]")
                .put("/api/v1/submissions/" + id + "/items").then().statusCode(422).body("errors[0].field", is("[0].data"));
        String csv = "Mã dòng,Thao tác,Họ và tên\r\nA,Thêm,Nguy\u0000n\r\n";
        QuarterlyUploadTest.upload(id, "text/csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].field", is("CSV row 2 'Họ và tên'"));
    }

    @Test
    void tenParallelOpensOfOneUnitAndPeriodGiveOneDraftAndNo5xx() throws Exception {
        String period = QuarterlyCycleTest.period();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> opens = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                opens.add(() -> as(QuarterlyCycleTest.LUC_NGAN).post("/api/v1/periods/" + period + "/submissions").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(opens)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aHugeNumberInAFileIsAFindingNotAFailure() {
        String csv = "Mã dòng,Thao tác,Họ và tên,Mã quê quán,Quốc gia cư trú,Năm sinh\r\nH,Thêm,Lê Văn Số,07591,JP,1e999999999\r\n";
        String id = QuarterlyCycleTest.open(QuarterlyCycleTest.LUC_NGAN, QuarterlyCycleTest.period());
        QuarterlyUploadTest.upload(id, "text/csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode(200);
        as(QuarterlyCycleTest.LUC_NGAN).post("/api/v1/submissions/" + id + "/validate").then().statusCode(200)
                .body("errors", is(1)).body("findings[0].column", is("Năm sinh"));
    }

    @Test
    void anEndlessNumberInARowIsNamed() {
        String id = QuarterlyCycleTest.open(QuarterlyCycleTest.LUC_NGAN, QuarterlyCycleTest.period());
        for (String number : List.of("1e999999999", "9".repeat(500))) {
            as(QuarterlyCycleTest.LUC_NGAN).body("[{\"kind\":\"PERSON\",\"rowKey\":\"N\",\"action\":\"CREATE\",\"data\":{\"birthYear\":" + number + "}}]")
                    .put("/api/v1/submissions/" + id + "/items").then().statusCode(422).body("errors[0].field", is("[0].data.birthYear"));
        }
        // past Jackson's own limit on number length (1,000 digits) the body is not read at all
        as(QuarterlyCycleTest.LUC_NGAN).body("[{\"kind\":\"PERSON\",\"rowKey\":\"N\",\"action\":\"CREATE\",\"data\":{\"birthYear\":" + "9".repeat(5000) + "}}]")
                .put("/api/v1/submissions/" + id + "/items").then().statusCode(400).contentType("application/problem+json");
        as(PROVINCE_24).body("{\"fullName\":\"Lê Số\",\"hometownCode\":\"07201\",\"country\":\"JP\",\"birthYear\":1e999999999}")
                .post(PERSONS).then().statusCode(400).body("errors[0].field", is("birthYear"));
    }

    /**
     * A multipart body cut short (issue 23, finding 2): 400 where the operation reads a form, 415
     * where it takes none; never the parser's IOException as a 500.
     */
    @Test
    void aMalformedMultipartBodyIs400AndAFormWhereNoneIsTakenIs415() {
        String id = QuarterlyCycleTest.open(QuarterlyCycleTest.LUC_NGAN, QuarterlyCycleTest.period());
        String sub = "/api/v1/submissions/" + id;
        Browser unit = Browser.signedInAs("luc-ngan");
        int portal = unit.request().contentType("multipart/form-data; boundary=x").body("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK".getBytes(StandardCharsets.UTF_8))
                .post("/portal/submissions/" + id + "/upload").statusCode();
        assertEquals(400, portal, "the portal's upload, cut short");
        for (String path : List.of(sub + "/items/upload", sub + "/submit", sub + "/validate", "/api/v1/periods/2025-Q1/submissions", sub + "/accept",
                "/api/v1/webhooks/" + UUID.randomUUID() + "/dead-letters/" + UUID.randomUUID() + "/replay")) {
            for (String body : List.of("--x\r\nContent-Disposition: form-data; name=\"a\"", "garbage")) {
                int status = as(QuarterlyCycleTest.LUC_NGAN).contentType("multipart/form-data; boundary=x").body(body.getBytes(StandardCharsets.UTF_8)).post(path).then()
                        .contentType("application/problem+json").extract().statusCode();
                org.junit.jupiter.api.Assertions.assertTrue(status == 415 || status == 400 || status == 403, path + " answered " + status);
            }
        }
        as(QuarterlyCycleTest.LUC_NGAN).contentType("multipart/form-data; boundary=x").body("garbage".getBytes(StandardCharsets.UTF_8)).post(sub + "/submit").then().statusCode(415);
        as(QuarterlyCycleTest.LUC_NGAN).contentType("application/x-www-form-urlencoded").body("a=%zz").post(sub + "/validate").then().statusCode(415);
    }
}
