package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;
import static vn.diaspora.registry.Api.unique;

@QuarkusTest
class StatisticsTest {
    static String currentPeriod() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    static String previousPeriod() {
        LocalDate d = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(3);
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    static Map<String, Object> row(String period, String groupBy, String key) {
        List<Map<String, Object>> rows = as(PROVINCE_24).queryParam("period", period).queryParam("groupBy", groupBy)
                .get("/api/v1/statistics").then().statusCode(200).body("province", is("24")).extract().path("rows");
        return rows.stream().filter(r -> key.equals(r.get("key"))).findFirst().orElse(Map.of("count", 0, "added", 0, "removed", 0));
    }

    @Test
    void countsAsOfThePeriodEndAndTheChangesDuringIt() {
        String period = currentPeriod();
        Map<String, Object> before = row(period, "COUNTRY", "FJ");
        Map<String, Object> fijian = person("Người Ở Fiji " + unique());
        fijian.put("country", "FJ");
        fijian.put("categories", List.of("ATHLETE"));
        String a = createPerson(PROVINCE_24, fijian);
        createPerson(PROVINCE_24, fijian);
        as(PROVINCE_24).header("If-Match", "W/\"1\"").queryParam("reason", "test").delete(PERSONS + "/" + a).then().statusCode(204);
        Map<String, Object> after = row(period, "COUNTRY", "FJ");
        org.junit.jupiter.api.Assertions.assertEquals((int) before.get("count") + 1, after.get("count"));
        org.junit.jupiter.api.Assertions.assertEquals((int) before.get("added") + 2, after.get("added"));
        org.junit.jupiter.api.Assertions.assertEquals((int) before.get("removed") + 1, after.get("removed"));
        // a past period's figures do not move
        org.junit.jupiter.api.Assertions.assertEquals(row(previousPeriod(), "COUNTRY", "FJ").get("count"),
                row(previousPeriod(), "COUNTRY", "FJ").get("count"));
        org.hamcrest.MatcherAssert.assertThat((Integer) row(period, "CATEGORY", "ATHLETE").get("count"), greaterThanOrEqualTo(1));
    }

    @Test
    void contributionTotalsByKindAndCurrency() {
        String person = createPerson(PROVINCE_24, person("Nhà Đầu Tư " + unique()));
        Map<String, Object> c = new HashMap<>();
        c.put("kind", "INVESTMENT");
        c.put("date", LocalDate.now().minusDays(1).toString());
        c.put("amount", 1000);
        c.put("currency", "JPY");
        c.put("personId", person);
        Number before = (Number) row(currentPeriod(), "CONTRIBUTION_KIND", "INVESTMENT JPY").getOrDefault("amount", 0);
        Api.create(PROVINCE_24, "/api/v1/contributions", c).statusCode(201);
        Number after = (Number) row(currentPeriod(), "CONTRIBUTION_KIND", "INVESTMENT JPY").get("amount");
        org.junit.jupiter.api.Assertions.assertEquals(before.doubleValue() + 1000, after.doubleValue(), 0.001);
    }

    @Test
    void scopeAndParameters() {
        as(Tokens.provinceOfficer("52")).queryParam("period", currentPeriod()).queryParam("province", "24")
                .get("/api/v1/statistics").then().statusCode(403);
        as(ADMIN).queryParam("period", "2026-Q9").get("/api/v1/statistics").then().statusCode(400).body("errors[0].field", is("period"));
        as(ADMIN).get("/api/v1/statistics").then().statusCode(400).body("errors[0].field", is("period"));
        as(ADMIN).queryParam("period", currentPeriod()).queryParam("groupBy", "SHOE_SIZE").get("/api/v1/statistics")
                .then().statusCode(400).body("errors[0].field", is("groupBy"));
        as(ADMIN).queryParam("period", currentPeriod()).get("/api/v1/statistics").then().statusCode(200)
                .body("province", nullValue()).body("groupBy", is("COUNTRY"));
        as(Api.AUDITOR).queryParam("period", currentPeriod()).get("/api/v1/statistics").then().statusCode(403);
    }

    @Test
    void transitionsAreRecordedAndTheAdminSetsDeadlines() {
        String id = QuarterlyCycleTest.open(QuarterlyCycleTest.LUC_NGAN, QuarterlyCycleTest.period());
        as(QuarterlyCycleTest.LUC_NGAN).post("/api/v1/submissions/" + id + "/submit?noChanges=true").then().statusCode(200);
        as(QuarterlyCycleTest.BAC_GIANG).body(Map.of("comment", "Thiếu số liệu")).post("/api/v1/submissions/" + id + "/return").then().statusCode(200);
        as(QuarterlyCycleTest.LUC_NGAN).get("/api/v1/submissions/" + id + "/events").then().statusCode(200)
                .body("items.toState", org.hamcrest.Matchers.contains("DRAFT", "SUBMITTED", "RETURNED"))
                .body("items[2].actor", is("province-24")).body("items[2].comment", is("Thiếu số liệu")).body("items[1].fromState", is("DRAFT"));
        as(ADMIN).body(Map.of("daysAfterQuarter", 20)).put("/api/v1/provinces/52/deadline").then().statusCode(200)
                .body("daysAfterQuarter", is(20));
        as(Tokens.provinceOfficer("52")).get("/api/v1/periods/2026-Q1").then().body("deadline", is("2026-04-20"));
        as(ADMIN).body(Map.of("daysAfterQuarter", 400)).put("/api/v1/provinces/52/deadline").then().statusCode(422);
        as(ADMIN).body(Map.of("daysAfterQuarter", 15)).put("/api/v1/provinces/52/deadline").then().statusCode(200);
        as(PROVINCE_24).body(Map.of("daysAfterQuarter", 1)).put("/api/v1/provinces/24/deadline").then().statusCode(403);
    }
}
