package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;

/**
 * The operations no test called with valid input before issue 23 (.ci/coverage lists them):
 * each record kind's whole life over the API (create, read, replace, merge-patch, history,
 * export, delete), the breach register's list, the webhooks' list, and the portal's template
 * download and sign-out, each checked for its documented success status.
 */
@QuarkusTest
class EveryOperationTest {

    @Test
    void eachRecordKindLivesItsWholeLifeOverTheApi() {
        String person = Api.createPerson(Api.UNIT_219, QuarterlyCycleTest.lucNgan("Chủ Sở Hữu " + Api.uniqueWord()));
        Map<String, Map<String, Object>> kinds = new java.util.LinkedHashMap<>();
        kinds.put("associations", new HashMap<>(Map.of("name", "Hội đồng hương " + Api.uniqueWord(), "kind", "HOMETOWN", "country", "JP",
                "reportingUnit", "219", "members", List.of(Map.of("personId", person, "role", "MEMBER")))));
        kinds.put("businesses", new HashMap<>(Map.of("name", "Công ty " + Api.uniqueWord(), "country", "DE", "reportingUnit", "219",
                "distributesVietnameseGoods", false, "owners", List.of(Map.of("personId", person, "role", "OWNER", "sharePercent", 60)))));
        kinds.put("contributions", new HashMap<>(Map.of("kind", "CHARITY", "date", "2026-02-10", "amount", 1000000, "currency", "VND",
                "description", "Quà " + Api.uniqueWord(), "personId", person, "reportingUnit", "219")));
        for (Map.Entry<String, Map<String, Object>> kind : kinds.entrySet()) {
            String collection = "/api/v1/" + kind.getKey();
            String id = Api.create(Api.UNIT_219, collection, kind.getValue()).statusCode(201).extract().path("id");
            as(Api.UNIT_219).get(collection + "/" + id).then().statusCode(200).header("ETag", "W/\"1\"");
            Map<String, Object> replaced = new HashMap<>(kind.getValue());
            replaced.put(kind.getKey().equals("contributions") ? "description" : "name", "Đã sửa " + Api.uniqueWord());
            as(Api.UNIT_219).header("If-Match", "W/\"1\"").body(replaced).put(collection + "/" + id).then().statusCode(200).body("version", is(2));
            as(Api.UNIT_219).contentType("application/merge-patch+json").header("If-Match", "W/\"2\"")
                    .body(kind.getKey().equals("contributions") ? "{\"project\":\"Trường học\"}" : "{\"city\":\"Osaka\"}")
                    .patch(collection + "/" + id).then().statusCode(200).body("version", is(3));
            as(Api.UNIT_219).get(collection + "/" + id + "/history").then().statusCode(200).body("items.size()", is(3));
            String export = as(Api.PROVINCE_24).accept("text/csv").get(collection + "/export").then().statusCode(200).extract().asString();
            assertTrue(export.contains(id), kind.getKey() + ": the export holds the record");
            as(Api.UNIT_219).header("If-Match", "W/\"3\"").queryParam("reason", "entered twice").delete(collection + "/" + id).then().statusCode(204);
            as(Api.UNIT_219).get(collection + "/" + id).then().statusCode(404);
        }
    }

    @Test
    void theBreachRegisterAndTheWebhooksAreListed() {
        as(Api.AUDITOR).get("/api/v1/privacy/breaches").then().statusCode(200).body("items", org.hamcrest.Matchers.notNullValue());
        as(Api.ADMIN).get("/api/v1/webhooks").then().statusCode(200).body("items", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theTemplateIsDownloadedFromThePortalAndAnOfficerSignsOut() {
        Browser unit = Browser.signedInAs("luc-ngan");
        byte[] template = unit.request().get("/portal/template.xlsx").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .extract().asByteArray();
        assertEquals('P', template[0], "an XLSX (a zip)");
        unit.get("/portal/unit", 200);
        Response out = unit.post("/portal/sign-out", Map.of());
        assertEquals(303, out.statusCode(), out.asString());
        assertTrue(unit.request().get("/portal/unit").statusCode() / 100 == 3, "signed out: the portal asks to sign in again");
    }
}
