package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.AUDITOR;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;

@QuarkusTest
class PrivacyTest {

    @Test
    void exportHoldsEverythingAboutThePersonAndIsAudited() {
        String name = "Xuất Dữ Liệu " + Api.uniqueWord();
        String id = createPerson(PROVINCE_24, person(name));
        Map<String, Object> a = LinkedRecordsTest.association("Hội " + Api.uniqueWord(), id);
        Api.create(PROVINCE_24, "/api/v1/associations", a).statusCode(201);
        as(ADMIN).get(PERSONS + "/" + id + "/export").then().statusCode(200)
                .body("person.fullName", is(name))
                .body("person.contacts.email", is("someone@example.jp"))
                .body("history[0].action", is("CREATE"))
                .body("links.kind", hasItem("association"))
                .body("links[0].role", is("CHAIR"));
        as(PROVINCE_24).get(PERSONS + "/" + id + "/export").then().statusCode(403);
        as(AUDITOR).queryParam("record", id).get("/api/v1/audit").then().body("items.action", hasItem("EXPORT"));
    }

    @Test
    void erasureRemovesPersonalFieldsFromTheRecordAndItsHistory() {
        String name = "Xin Xóa " + Api.uniqueWord();
        String id = createPerson(PROVINCE_24, person(name));
        as(PROVINCE_24).contentType("application/merge-patch+json").header("If-Match", "W/\"1\"").body("{\"city\":\"Kobe\"}")
                .patch(PERSONS + "/" + id).then().statusCode(200);
        as(ADMIN).body(Map.of()).post(PERSONS + "/" + id + "/erasure").then().statusCode(422).body("errors[0].field", is("reason"));
        as(PROVINCE_24).body(Map.of("reason", "x")).post(PERSONS + "/" + id + "/erasure").then().statusCode(403);
        as(ADMIN).body(Map.of("reason", "the person's request of 2026-11-20")).post(PERSONS + "/" + id + "/erasure").then().statusCode(204);
        as(ADMIN).body(Map.of("reason", "again")).post(PERSONS + "/" + id + "/erasure").then().statusCode(204);
        as(ADMIN).get(PERSONS + "/" + id).then().statusCode(404);
        as(ADMIN).queryParam("q", name).get(PERSONS).then().body("items.size()", is(0));
        List<Map<String, Object>> snapshots = as(ADMIN).get(PERSONS + "/" + id + "/history").then().statusCode(200)
                .body("size()", is(3))
                .body("[0].reason", org.hamcrest.Matchers.startsWith("erasure: "))
                .body("snapshot", everyItem(not(hasKey("contacts"))))
                .body("snapshot", everyItem(not(hasKey("city"))))
                .body("snapshot.fullName", everyItem(is("[đã xóa / erased]")))
                .body("snapshot.country", everyItem(is("JP")))
                .extract().path("snapshot");
        org.junit.jupiter.api.Assertions.assertEquals(3, snapshots.size());
        as(AUDITOR).queryParam("record", id).get("/api/v1/audit").then().body("items.action", hasItems("ERASE", "CREATE"));
    }

    @Test
    void consentCanRecordItsWithdrawal() {
        Map<String, Object> p = person("Rút Đồng Ý " + Api.uniqueWord());
        p.put("consent", Map.of("legalBasis", "CONSENT", "date", "2025-01-10", "scope", "registry", "withdrawnOn", "2026-03-01"));
        String id = createPerson(PROVINCE_24, p);
        as(PROVINCE_24).get(PERSONS + "/" + id).then().body("consent.withdrawnOn", is("2026-03-01"));
        p.put("consent", Map.of("legalBasis", "CONSENT", "withdrawnOn", "2999-01-01"));
        as(PROVINCE_24).body(p).post(PERSONS).then().statusCode(422).body("errors[0].field", is("consent.withdrawnOn"));
    }
}
