package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.QuarterlyCycleTest.BAC_GIANG;
import static vn.diaspora.registry.QuarterlyCycleTest.LUC_NGAN;
import static vn.diaspora.registry.QuarterlyCycleTest.lucNgan;
import static vn.diaspora.registry.QuarterlyCycleTest.open;
import static vn.diaspora.registry.QuarterlyCycleTest.period;
import static vn.diaspora.registry.QuarterlyCycleTest.put;
import static vn.diaspora.registry.QuarterlyCycleTest.row;
import static vn.diaspora.registry.QuarterlyCycleTest.submit;

/** Statistics by reporting period (issue 10): a report counts in the period it reports, however late accepted; asKnownAt reproduces a past report. */
@QuarkusTest
class StatisticsByPeriodTest {

    /** count, added, updated of Mongolia (a country no other test uses) in the period, as known at {@code known} (null: now). */
    static List<Long> mongolia(String period, Instant known) {
        var request = as(PROVINCE_24).queryParam("period", period).queryParam("groupBy", "COUNTRY");
        if (known != null) {
            request.queryParam("asKnownAt", known.toString());
        }
        List<Map<String, Object>> rows = request.get("/api/v1/statistics").then().statusCode(200).extract().path("rows");
        return rows.stream().filter(r -> "MN".equals(r.get("key"))).findFirst()
                .map(r -> List.of(((Number) r.get("count")).longValue(), ((Number) r.get("added")).longValue(), ((Number) r.get("updated")).longValue()))
                .orElse(List.of(0L, 0L, 0L));
    }

    static String currentQuarter() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    @Test
    void aLateReportCountsInItsPeriodAndAPastReportCanBeReproduced() throws Exception {
        String reported = period();
        Map<String, Object> person = lucNgan("Ở Mông Cổ " + Api.unique());
        person.put("country", "MN");
        String id = open(LUC_NGAN, reported);
        put(LUC_NGAN, id, List.of(row("PERSON", "MN-1", "CREATE", person)), 200);
        submit(id);
        List<Long> before = mongolia(reported, null);
        List<Long> nowBefore = mongolia(currentQuarter(), null);
        Instant sent = Instant.now();
        Thread.sleep(20);
        as(BAC_GIANG).post("/api/v1/submissions/" + id + "/accept").then().statusCode(200);

        List<Long> after = mongolia(reported, null);
        assertEquals(before.get(0) + 1, after.get(0), "counted at the end of the period it reports");
        assertEquals(before.get(1) + 1, after.get(1), "added during the period it reports");
        List<Long> now = mongolia(currentQuarter(), null);
        assertEquals(nowBefore.get(1), now.get(1), "not added in the quarter it was accepted");
        assertEquals(before, mongolia(reported, sent), "asKnownAt gives the report as it was sent");

        String created = as(ADMIN).queryParam("q", person.get("fullName")).get(Api.PERSONS).then().extract().path("items[0].id");
        as(ADMIN).contentType("application/merge-patch+json").header("If-Match", "W/\"1\"").body("{\"city\":\"Ulaanbaatar\"}")
                .patch(Api.PERSONS + "/" + created).then().statusCode(200);
        assertEquals(now.get(2) + 1, mongolia(currentQuarter(), null).get(2), "a direct edit counts in the quarter it was made");
    }
}
