package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;
import static vn.diaspora.registry.Api.unique;

@QuarkusTest
class PersonApiTest {

    @Test
    void createReturnsLocationEtagAndDerivedFields() {
        Response created = as(PROVINCE_24).body(person("Nguyễn Thị Hương " + unique())).post(PERSONS);
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/persons/"))
                .header("ETag", is("W/\"1\""))
                .header("X-Request-Id", notNullValue())
                .body("version", is(1))
                .body("reportingUnit", is("213"))  // derived: commune 07201 lies in district 213
                .body("sex", is("UNKNOWN"))
                .body("status", is("ACTIVE"))
                .body("createdBy", is("province-24"));
        String id = created.path("id");
        as(PROVINCE_24).get(PERSONS + "/" + id).then().statusCode(200)
                .header("ETag", is("W/\"1\""))
                .body("contacts.email", is("someone@example.jp"));
    }

    @Test
    void decomposedUnicodeIsStoredComposed() {
        String decomposed = java.text.Normalizer.normalize("Trần Thị Ánh " + unique(), java.text.Normalizer.Form.NFD);
        String id = createPerson(PROVINCE_24, person(decomposed));
        String stored = as(PROVINCE_24).get(PERSONS + "/" + id).path("fullName");
        org.junit.jupiter.api.Assertions.assertEquals(java.text.Normalizer.normalize(decomposed, java.text.Normalizer.Form.NFC), stored);
    }

    @Test
    void writesNeedIfMatchAndRefuseStaleVersions() {
        String id = createPerson(PROVINCE_24, person("Lê Văn Nam " + unique()));
        Map<String, Object> changed = person("Lê Văn Nam (đổi tên)");
        as(PROVINCE_24).body(changed).put(PERSONS + "/" + id).then().statusCode(428)
                .contentType("application/problem+json").body("errors[0].field", is("If-Match"));
        as(PROVINCE_24).header("If-Match", "W/\"1\"").body(changed).put(PERSONS + "/" + id).then().statusCode(200)
                .header("ETag", is("W/\"2\"")).body("version", is(2)).body("fullName", is("Lê Văn Nam (đổi tên)"));
        as(PROVINCE_24).header("If-Match", "W/\"1\"").body(changed).put(PERSONS + "/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("detail", containsString("version 2"));
        as(PROVINCE_24).header("If-Match", "\"1\"").delete(PERSONS + "/" + id + "?reason=test").then().statusCode(412);
        // RFC 9110: a tag that matches no version is a failed precondition, whatever it looks like
        as(PROVINCE_24).header("If-Match", "garbage").body(changed).put(PERSONS + "/" + id).then().statusCode(412)
                .body("errors[0].field", is("If-Match"));
        as(PROVINCE_24).header("If-Match", "\"anything-else\"").body(changed).put(PERSONS + "/" + id).then().statusCode(412);
        as(PROVINCE_24).header("If-Match", "*").body(changed).put(PERSONS + "/" + id).then().statusCode(428);
    }

    @Test
    void putOfUnchangedContentMakesNoNewVersion() {
        String id = createPerson(PROVINCE_24, person("Phạm Văn Đức " + unique()));
        Map<String, Object> body = as(PROVINCE_24).get(PERSONS + "/" + id).then().extract().as(Map.class);
        // the GET document can be sent back as it is: read-only fields are ignored
        as(PROVINCE_24).header("If-Match", "W/\"1\"").body(body).put(PERSONS + "/" + id).then().statusCode(200)
                .body("version", is(1));
        as(PROVINCE_24).get(PERSONS + "/" + id + "/history").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void mergePatchChangesOnlyTheNamedFieldsAndNullRemoves() {
        String id = createPerson(PROVINCE_24, person("Vũ Thị Lan " + unique()));
        as(PROVINCE_24).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "W/\"1\"")
                .body("{\"city\":\"Kyoto\",\"relativesContact\":null,\"contacts\":{\"phone\":\"+81 75 000 0000\"}}")
                .patch(PERSONS + "/" + id).then().statusCode(200)
                .body("version", is(2))
                .body("city", is("Kyoto"))
                .body("country", is("JP"))
                .body("relativesContact", nullValue())
                .body("contacts.phone", is("+81 75 000 0000"))
                .body("contacts.email", is("someone@example.jp"));
        as(PROVINCE_24).get(PERSONS + "/" + id + "/history").then().statusCode(200)
                .body("items[0].version", is(2))
                .body("items[0].action", is("UPDATE"))
                .body("items[0].changedFields", contains("city", "contacts", "relativesContact"))
                .body("items[0].actor", is("province-24"))
                .body("items[0].requestId", notNullValue())
                .body("items[1].action", is("CREATE"));
    }

    @Test
    void mergePatchThatBreaksTheRecordIsRefusedAndChangesNothing() {
        String id = createPerson(PROVINCE_24, person("Bùi Văn Sơn " + unique()));
        as(PROVINCE_24).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "W/\"1\"")
                .body("{\"fullName\":null,\"country\":\"XX\"}")
                .patch(PERSONS + "/" + id).then().statusCode(422)
                .body("errors.field", hasItems("fullName", "country"));
        as(PROVINCE_24).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "W/\"1\"")
                .body("{\"sex\":\"ROBOT\"}")
                .patch(PERSONS + "/" + id).then().statusCode(400).body("errors[0].field", is("sex"));
        as(PROVINCE_24).get(PERSONS + "/" + id).then().body("version", is(1)).body("country", is("JP"));
    }

    @Test
    void softDeleteNeedsAReasonHidesTheRecordAndKeepsItsHistory() {
        String name = "Đỗ Thị Hạnh " + unique();
        String id = createPerson(PROVINCE_24, person(name));
        as(PROVINCE_24).header("If-Match", "W/\"1\"").delete(PERSONS + "/" + id).then().statusCode(400)
                .body("errors[0].field", is("reason"));
        as(PROVINCE_24).header("If-Match", "W/\"1\"").queryParam("reason", "duplicate of another record")
                .delete(PERSONS + "/" + id).then().statusCode(204);
        as(PROVINCE_24).get(PERSONS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(PROVINCE_24).queryParam("q", name).get(PERSONS).then().statusCode(200).body("items", empty());
        as(PROVINCE_24).get(PERSONS + "/" + id + "/history").then().statusCode(200)
                .body("items[0].action", is("DELETE"))
                .body("items[0].reason", is("duplicate of another record"))
                .body("items[0].snapshot.fullName", is(name));
        as(PROVINCE_24).header("If-Match", "W/\"2\"").body(person(name)).put(PERSONS + "/" + id).then().statusCode(404);
    }

    @Test
    void unknownAndMalformedIdsAreClear4xx() {
        as(PROVINCE_24).get(PERSONS + "/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
        as(PROVINCE_24).get(PERSONS + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as(PROVINCE_24).get(PERSONS + "/" + java.util.UUID.randomUUID() + "/history").then().statusCode(404);
    }

    @Test
    void hometownMayBeAPreReformDistrictOrAPostReformCommune() {
        Map<String, Object> district = person("Hoàng Văn Long " + unique());
        district.put("hometownCode", "219"); // Huyện Lục Ngạn (before 1 July 2025)
        as(ADMIN).body(district).post(PERSONS).then().statusCode(201).body("reportingUnit", is("219"));
        Map<String, Object> newCommune = person("Hoàng Văn Long " + unique());
        newCommune.put("hometownCode", "07210"); // Phường Bắc Giang (after 1 July 2025)
        as(ADMIN).body(newCommune).post(PERSONS).then().statusCode(201).body("reportingUnit", is("07210"));
        Map<String, Object> binhDinh = person("Hoàng Văn Long " + unique());
        binhDinh.put("hometownCode", "21550"); // a commune of Bình Định
        as(ADMIN).body(binhDinh).post(PERSONS).then().statusCode(201);
    }

    @Test
    void historyListsEveryVersionNewestFirst() {
        String id = createPerson(PROVINCE_24, person("Ngô Thị Mai " + unique()));
        for (int v = 1; v <= 3; v++) {
            as(PROVINCE_24).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "W/\"" + v + "\"")
                    .body("{\"occupation\":\"nghề " + v + "\"}").patch(PERSONS + "/" + id).then().statusCode(200);
        }
        as(PROVINCE_24).get(PERSONS + "/" + id + "/history").then().statusCode(200)
                .body("items.version", contains(4, 3, 2, 1))
                .body("items[0].snapshot.occupation", is("nghề 3"))
                .body("items[3].snapshot.occupation", nullValue())
                .body("items.at", hasItem(startsWith("20")));
    }
}
