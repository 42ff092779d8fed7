package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.PROVINCE_52;
import static vn.diaspora.registry.Api.READER;
import static vn.diaspora.registry.Api.UNIT_213;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.create;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;
import static vn.diaspora.registry.Api.unique;

/** Associations, businesses and contributions: the same record rules, plus their links to persons. */
@QuarkusTest
class LinkedRecordsTest {
    static final String ASSOCIATIONS = "/api/v1/associations";
    static final String BUSINESSES = "/api/v1/businesses";
    static final String CONTRIBUTIONS = "/api/v1/contributions";

    static Map<String, Object> association(String name, String chair) {
        Map<String, Object> a = new HashMap<>();
        a.put("name", name);
        a.put("originalName", "在日バクザン同郷会");
        a.put("kind", "HOMETOWN");
        a.put("country", "JP");
        a.put("foundedYear", 2012);
        a.put("memberCount", 350);
        a.put("members", List.of(Map.of("personId", chair, "role", "CHAIR")));
        a.put("contacts", Map.of("email", "hoi@example.jp"));
        a.put("website", "https://hoi.example.jp");
        a.put("reportingUnit", "213");
        return a;
    }

    @Test
    void associationWithMembersFollowsTheRecordRules() {
        String chair = createPerson(PROVINCE_24, person("Chủ Tịch Hội " + unique()));
        String name = "Hội đồng hương Bắc Giang tại Nhật Bản " + unique();
        String id = create(PROVINCE_24, ASSOCIATIONS, association(name, chair)).statusCode(201)
                .body("members[0].personId", is(chair)).body("members[0].role", is("CHAIR"))
                .body("reportingUnit", is("213")).extract().path("id");
        as(PROVINCE_24).queryParam("q", "hoi dong huong bac giang tai nhat ban").queryParam("member", chair).get(ASSOCIATIONS)
                .then().statusCode(200).body("items.id", contains(id));
        as(PROVINCE_24).contentType("application/merge-patch+json").header("If-Match", "W/\"1\"")
                .body("{\"memberCount\": 400}").patch(ASSOCIATIONS + "/" + id).then().statusCode(200)
                .body("memberCount", is(400)).body("members.size()", is(1)).body("version", is(2));
        as(READER).get(ASSOCIATIONS + "/" + id).then().statusCode(200).body("$", not(hasKey("contacts")));
        as(PROVINCE_52).get(ASSOCIATIONS + "/" + id).then().statusCode(404);
        as(PROVINCE_24).get(ASSOCIATIONS + "/" + id + "/history").then().body("items.version", contains(2, 1));
    }

    @Test
    void associationValidation() {
        Map<String, Object> bad = association("", UUID.randomUUID().toString());
        bad.put("kind", null);
        bad.put("website", "ftp:/nowhere");
        bad.put("memberCount", -1);
        create(PROVINCE_24, ASSOCIATIONS, bad).statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "kind", "website", "memberCount", "members[0].personId"));
        Map<String, Object> noUnit = association("Hội " + unique(), createPerson(PROVINCE_24, person("M " + unique())));
        noUnit.remove("reportingUnit");
        create(PROVINCE_24, ASSOCIATIONS, noUnit).statusCode(422).body("errors[0].field", is("reportingUnit"));
        noUnit.remove("members");
        create(UNIT_213, ASSOCIATIONS, noUnit).statusCode(201).body("reportingUnit", is("213"));
    }

    @Test
    void membersOutsideTheCallersScopeCannotBeLinked() {
        Map<String, Object> binhDinh = person("Bình Định Member " + unique());
        binhDinh.put("hometownCode", "21550");
        String other = createPerson(PROVINCE_52, binhDinh);
        create(PROVINCE_24, ASSOCIATIONS, association("Hội " + unique(), other)).statusCode(422)
                .body("errors[0].field", is("members[0].personId"));
    }

    @Test
    void businessWithOwnerTakesTheOwnersUnit() {
        Map<String, Object> p = person("Chủ Doanh Nghiệp " + unique());
        p.put("hometownCode", "07591"); // a commune of Lục Ngạn (219)
        String owner = createPerson(ADMIN, p);
        Map<String, Object> b = new HashMap<>();
        b.put("name", "Lục Ngạn Lychee Trading " + unique());
        b.put("country", "DE");
        b.put("distributesVietnameseGoods", true);
        b.put("vietnameseProductGroups", List.of("Vải thiều Lục Ngạn"));
        b.put("owners", List.of(Map.of("personId", owner, "role", "OWNER", "sharePercent", 60)));
        String id = create(ADMIN, BUSINESSES, b).statusCode(201).body("reportingUnit", is("219"))
                .body("owners[0].sharePercent", is(60)).extract().path("id");
        as(ADMIN).queryParam("owner", owner).queryParam("distributesVietnameseGoods", "true").get(BUSINESSES).then()
                .statusCode(200).body("items.id", contains(id));
        b.put("distributesVietnameseGoods", false);
        b.put("owners", List.of(Map.of("personId", owner, "role", "OWNER", "sharePercent", 60),
                Map.of("personId", owner, "role", "DIRECTOR", "sharePercent", 50)));
        as(ADMIN).header("If-Match", "W/\"1\"").body(b).put(BUSINESSES + "/" + id).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("vietnameseProductGroups", "owners"));
    }

    @Test
    void contributionNeedsAContributorAndAKnownCurrency() {
        String person = createPerson(PROVINCE_24, person("Nhà Hảo Tâm " + unique()));
        Map<String, Object> c = new HashMap<>();
        c.put("kind", "CHARITY");
        c.put("date", "2026-02-10");
        c.put("amount", 250000000);
        c.put("currency", "VND");
        c.put("description", "Học bổng cho học sinh nghèo vượt khó " + unique());
        c.put("personId", person);
        String id = create(PROVINCE_24, CONTRIBUTIONS, c).statusCode(201).body("reportingUnit", is("213")).extract().path("id");
        as(PROVINCE_24).queryParam("person", person).queryParam("from", "2026-01-01").queryParam("kind", "CHARITY")
                .get(CONTRIBUTIONS).then().statusCode(200).body("items.id", contains(id));
        as(PROVINCE_24).queryParam("q", "hoc bong cho hoc sinh ngheo").get(CONTRIBUTIONS).then().body("items.id", hasItem(id));
        c.remove("personId");
        c.put("currency", "XYZ");
        c.put("date", "2999-01-01");
        create(PROVINCE_24, CONTRIBUTIONS, c).statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("personId", "currency", "date"));
        as(PROVINCE_24).queryParam("from", "2026-13-01").get(CONTRIBUTIONS).then().statusCode(400).body("errors[0].field", is("from"));
        as(PROVINCE_24).queryParam("person", "nope").get(CONTRIBUTIONS).then().statusCode(400).body("errors[0].field", is("person"));
    }
}
