package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.AUDITOR;
import static vn.diaspora.registry.Api.as;

/** Data subjects' requests with their legal clocks, and the breach register (issue 9, privacy duties). */
@QuarkusTest
class PrivacyDutiesTest {
    static final String REQUESTS = "/api/v1/privacy/requests";
    static final String BREACHES = "/api/v1/privacy/breaches";

    @io.quarkus.test.common.http.TestHTTPResource(value = "", management = true)
    java.net.URL management;
    @jakarta.inject.Inject
    vn.diaspora.registry.privacy.SubjectRequests subjectRequests;

    static String record(int daysAgo) {
        return as(ADMIN).body(Map.of("kind", "ACCESS", "receivedOn", LocalDate.now().minusDays(daysAgo).toString(),
                        "requester", "thư của bà Nguyễn Thị Hương, Osaka"))
                .post(REQUESTS).then().statusCode(201).extract().path("id");
    }

    @Test
    void aRequestPastItsDeadlineIsOverdueUntilItIsAnswered() {
        String late = record(20);
        as(ADMIN).get(REQUESTS + "/" + late).then().body("state", is("RECEIVED")).body("overdue", is(true))
                .body("completeBy", is(LocalDate.now().minusDays(5).toString()));
        as(ADMIN).queryParam("overdue", true).get(REQUESTS).then().body("items.id", hasItem(late));
        subjectRequests.countOverdue();
        given().get(management + "metrics").then().statusCode(200).body(containsString("registry_privacy_requests_overdue"));

        as(ADMIN).body(Map.of("text", "copy of the record sent")).post(REQUESTS + "/" + late + "/complete").then().statusCode(200)
                .body("state", is("COMPLETED")).body("overdue", is(false));
        as(ADMIN).queryParam("overdue", true).get(REQUESTS).then().body("items.id", not(hasItem(late)));
        as(ADMIN).body(Map.of("text", "again")).post(REQUESTS + "/" + late + "/complete").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void oneExtensionMovesTheDeadlineBy15DaysAndASecondIsRefused() {
        String id = record(10);
        as(ADMIN).body(Map.of()).post(REQUESTS + "/" + id + "/acknowledge").then().statusCode(200).body("state", is("ACKNOWLEDGED"));
        as(ADMIN).body(Map.of()).post(REQUESTS + "/" + id + "/extend").then().statusCode(422).body("errors[0].field", is("text"));
        as(ADMIN).body(Map.of("text", "the archive of the district must be searched")).post(REQUESTS + "/" + id + "/extend").then()
                .statusCode(200).body("state", is("EXTENDED")).body("overdue", is(false))
                .body("completeBy", is(LocalDate.now().plusDays(20).toString()));
        as(ADMIN).body(Map.of("text", "more")).post(REQUESTS + "/" + id + "/extend").then().statusCode(409);
    }

    /** Issue 22: extending a request already past its 15 days cleared "overdue"; an extension comes in time or not at all. */
    @Test
    void anOverdueRequestCannotBeExtendedAndStaysOverdue() {
        String id = record(20);
        as(ADMIN).body(Map.of("text", "the archive of the district must be searched")).post(REQUESTS + "/" + id + "/extend").then()
                .statusCode(409).contentType("application/problem+json");
        as(ADMIN).get(REQUESTS + "/" + id).then().body("state", is("RECEIVED")).body("overdue", is(true)).body("extendedOn", nullValue());
    }

    @Test
    void aFreshRequestIsNotOverdueAndBadInputIsNamed() {
        String id = record(0);
        as(ADMIN).get(REQUESTS + "/" + id).then().body("overdue", is(false)).body("requester", is("thư của bà Nguyễn Thị Hương, Osaka"));
        as(ADMIN).body(Map.of("kind", "ACCESS", "receivedOn", LocalDate.now().plusDays(3).toString())).post(REQUESTS).then()
                .statusCode(422).body("errors[0].field", is("receivedOn"));
        as(ADMIN).body(Map.of("kind", "TELEPORT", "receivedOn", "2026-01-05")).post(REQUESTS).then().statusCode(400)
                .body("errors[0].field", is("kind"));
        as(Api.PROVINCE_24).body(Map.of("kind", "ACCESS", "receivedOn", "2026-01-05")).post(REQUESTS).then().statusCode(403);
    }

    @Test
    void aBreachHasA72HourDeadlineAndWhoSawItIsAudited() {
        String detected = Instant.now().minus(80, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String id = as(ADMIN).body(Map.of("detectedAt", detected, "description", "laptop with an export stolen", "recordsAffected", 120))
                .post(BREACHES).then().statusCode(201).body("overdue", is(true)).extract().path("id");
        as(AUDITOR).get(BREACHES + "/" + id).then().statusCode(200).body("description", is("laptop with an export stolen"));
        as(AUDITOR).queryParam("action", "READ").get("/api/v1/audit").then().statusCode(200)
                .body("items.findAll { it.collection == 'breaches' }.subject", hasItem("auditor"));
        as(ADMIN).body(Map.of("at", Instant.now().toString(), "to", "A05, Bộ Công an")).post(BREACHES + "/" + id + "/notified").then()
                .statusCode(200).body("overdue", is(false));
        as(Api.READER).get(BREACHES).then().statusCode(403);
    }
}
