package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.QuarterlyCycleTest.open;
import static vn.diaspora.registry.QuarterlyCycleTest.period;
import static vn.diaspora.registry.QuarterlyUploadTest.XLSX;

/**
 * Hostile files and bodies (issue 9, findings 2 and 9): each is refused with a clear 4xx while it
 * is read, nothing of it is stored, and other users' requests keep succeeding meanwhile.
 */
@QuarkusTest
class UploadBombTest {
    static final String LUC_NGAN = QuarterlyCycleTest.LUC_NGAN;
    static final String YEN_THE = QuarterlyCycleTest.YEN_THE;

    /** A ZIP (an XLSX by its first bytes) with one part that inflates to {@code mib} MiB of spaces. */
    static byte[] inflationBomb(String part, int mib) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(part));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < mib; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A real workbook of the template's person sheet with {@code rows} rows; row keys repeat when {@code oneKey}. */
    static byte[] rows(int rows, boolean oneKey) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Người ở nước ngoài");
        ws.value(0, 0, "Mã dòng");
        ws.value(0, 1, "Thao tác");
        ws.value(0, 2, "Họ và tên");
        for (int r = 1; r <= rows; r++) {
            ws.value(r, 0, oneKey ? "K" : "K" + r);
            ws.value(r, 1, "Thêm");
            ws.value(r, 2, "Nguyễn Văn " + r);
        }
        wb.finish();
        return out.toByteArray();
    }

    static int upload(String token, String submission, byte[] body) {
        return QuarterlyUploadTest.upload(token, submission, XLSX, body).extract().statusCode();
    }

    @Test
    void aWorkbookThatInflatesPastTheLimitIs413AndStoresNothing() throws IOException {
        String id = open(LUC_NGAN, period());
        QuarterlyUploadTest.upload(LUC_NGAN, id, XLSX, inflationBomb("xl/worksheets/sheet1.xml", 300)).statusCode(413)
                .contentType("application/problem+json").body("errors[0].field", is("file"));
        QuarterlyUploadTest.upload(LUC_NGAN, id, XLSX, inflationBomb("xl/sharedStrings.xml", 40)).statusCode(413);
        as(LUC_NGAN).get("/api/v1/submissions/" + id).then().body("itemCount", is(0));
    }

    @Test
    void moreRowsThanASubmissionHoldsAreRefusedWhileReading() throws IOException {
        String id = open(LUC_NGAN, period());
        QuarterlyUploadTest.upload(LUC_NGAN, id, XLSX, rows(100_001, false)).statusCode(422)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("at most 100000 rows"));
        as(LUC_NGAN).get("/api/v1/submissions/" + id).then().body("itemCount", is(0));
    }

    @Test
    void oneRowKeyRepeatedEndsTheReadingAtTheHundredthRepeat() throws IOException {
        String id = open(LUC_NGAN, period());
        QuarterlyUploadTest.upload(LUC_NGAN, id, XLSX, rows(200_000, true)).statusCode(422)
                .body("errors.size()", is(100));
        as(LUC_NGAN).get("/api/v1/submissions/" + id).then().body("itemCount", is(0));
    }

    @Test
    void aChunkedJsonBodyIsCountedAsItArrives() throws Exception {
        byte[] big = ("{\"fullName\":\"" + "A".repeat(3 << 20) + "\"}").getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/persons"))
                .header("Authorization", "Bearer " + Api.PROVINCE_24).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))) // no length: chunked
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void otherUsersKeepWorkingWhileBombsAreUploaded() throws Exception {
        String lucNgan = open(LUC_NGAN, period());
        String yenThe = open(YEN_THE, period());
        byte[] bomb = inflationBomb("xl/worksheets/sheet1.xml", 300);
        byte[] repeated = rows(200_000, true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> bombs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                bombs.add(pool.submit(() -> upload(LUC_NGAN, lucNgan, bomb)));
                bombs.add(pool.submit(() -> upload(YEN_THE, yenThe, repeated)));
            }
            int others = 0;
            while (bombs.stream().anyMatch(f -> !f.isDone()) || others < 10) {
                String id = Api.createPerson(Api.PROVINCE_24, Api.person("Vẫn Làm Việc " + Api.unique()));
                as(Api.PROVINCE_24).get(Api.PERSONS + "/" + id).then().statusCode(200);
                others++;
            }
            for (Future<Integer> f : bombs) {
                assertTrue(Set.of(413, 422, 429).contains(f.get()), "a bomb got " + f.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
