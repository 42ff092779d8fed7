package vn.diaspora.registry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;
import static vn.diaspora.registry.Api.unique;

@QuarkusTest
class SearchAndPagingTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void searchIgnoresCaseDiacriticsAndASmallTypo() {
        String tag = Api.uniqueWord();
        String id = createPerson(ADMIN, person("Nguyễn Thị Hương " + tag));
        for (String q : new String[]{"nguyen thi huong " + tag, "NGUYỄN THỊ HƯƠNG " + tag, "nguyen thi huogn " + tag, "huong " + tag}) {
            as(ADMIN).queryParam("q", q).get(PERSONS).then().statusCode(200)
                    .body("items[0].id", is(id));
        }
        as(ADMIN).queryParam("q", "tran van binh " + tag).get(PERSONS).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
    }

    @Test
    void anotherGivenNameIsNotATypo() {
        // plain names (a marker word shared by both would make them look alike)
        String huong = createPerson(ADMIN, person("Khổng Thị Hương"));
        String hoa = createPerson(ADMIN, person("Khổng Thị Hoa"));
        as(ADMIN).queryParam("q", "khong thi huong").queryParam("limit", 500).get(PERSONS).then().statusCode(200)
                .body("items.id", hasItem(huong)).body("items.id", not(hasItem(hoa)));
        as(ADMIN).queryParam("q", "khong thi huogn").queryParam("limit", 500).get(PERSONS).then().statusCode(200)
                .body("items.id", hasItem(huong)).body("items.id", not(hasItem(hoa)));
    }

    @Test
    void searchFindsForeignNamesToo() {
        String tag = Api.uniqueWord();
        Map<String, Object> p = person("Lê Thị Thu " + tag);
        p.put("foreignName", "Autumn Le " + tag);
        String id = createPerson(ADMIN, p);
        as(ADMIN).queryParam("q", "autumn le " + tag).get(PERSONS).then().body("items[0].id", is(id));
    }

    @Test
    void keysetPagesCoverEveryRecordOnceInAStableOrder() {
        String tag = unique();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> p = person("Paging Person " + i);
            p.put("city", "Paging-" + tag);
            p.put("country", "CZ");
            p.put("occupation", tag);
            created.add(createPerson(ADMIN, p));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = as(ADMIN).queryParam("limit", 3).queryParam("country", "CZ")
                    .queryParam("updatedSince", Instant.now().minusSeconds(3600).toString())
                    .queryParam("cursor", cursor == null ? "" : cursor).get(PERSONS).then().statusCode(200).extract();
            List<Map<String, Object>> items = page.path("items");
            items.stream().filter(i -> tag.equals(i.get("occupation"))).forEach(i -> seen.add((String) i.get("id")));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertEquals(created, seen, "every record once, in creation order");
        assertEquals(new HashSet<>(seen).size(), seen.size());
    }

    @Test
    void namesHoldingEveryWordArePagedOnceEachInIdOrderThenCorrectedOnes() {
        String tag = Api.uniqueWord();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createPerson(ADMIN, person("Trần Văn Tiến " + tag)));
        }
        String junior = createPerson(ADMIN, person("Trần Văn Tiến " + tag + " Junior"));
        String typo = createPerson(ADMIN, person("Trần Văn Tiếng " + tag)); // "tien" is one letter from "tieng"
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            var page = as(ADMIN).queryParam("q", "tran van tien " + tag).queryParam("limit", 3).queryParam("cursor", cursor)
                    .get(PERSONS).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        created.add(junior);
        List<String> expected = new ArrayList<>(created.stream().sorted().toList());
        expected.add(typo);
        assertEquals(expected, seen, "every name holding every word (in any order, with more words) by id, then the corrected one");
    }

    @Test
    void limitDefaultsTo50AndTheLastPageHasNoCursor() {
        as(ADMIN).queryParam("country", "ZW").queryParam("limit", 500).get(PERSONS).then().statusCode(200)
                .body("nextCursor", nullValue());
        for (int i = 0; i < 52; i++) {
            Map<String, Object> p = person("Default Limit " + i);
            p.put("country", "MZ");
            createPerson(ADMIN, p);
        }
        as(ADMIN).queryParam("country", "MZ").get(PERSONS).then().statusCode(200)
                .body("items.size()", is(50)).body("nextCursor", notNullValue());
    }

    @Test
    void hometownFilterCoversUnitsUnderItAcrossThe2025Reform() {
        String tag = unique();
        // 07201 Phường Thọ Xương (district 213) was merged into the new Phường Bắc Giang (07210) on 1 July 2025
        String oldCommune = createPerson(ADMIN, withHometown("07201", tag));
        String newCommune = createPerson(ADMIN, withHometown("07210", tag));
        String district = createPerson(ADMIN, withHometown("213", tag));
        String otherDistrict = createPerson(ADMIN, withHometown("07591", tag)); // Lục Ngạn
        assertHometown("213", tag, oldCommune, newCommune, district);
        assertHometown("07210", tag, oldCommune, newCommune);
        assertHometown("07201", tag, oldCommune, newCommune);
        assertHometown("24", tag, oldCommune, newCommune, district, otherDistrict);
        assertHometown("52", tag);
    }

    private static Map<String, Object> withHometown(String code, String tag) {
        Map<String, Object> p = person("Hometown " + code);
        p.put("hometownCode", code);
        p.put("occupation", tag);
        p.put("country", "NZ");
        return p;
    }

    private static void assertHometown(String area, String tag, String... expected) {
        List<Map<String, Object>> items = as(ADMIN).queryParam("hometown", area).queryParam("country", "NZ").queryParam("limit", 500)
                .get(PERSONS).then().statusCode(200).extract().path("items");
        List<Object> ids = items.stream().filter(i -> tag.equals(i.get("occupation"))).map(i -> i.get("id")).toList();
        org.hamcrest.MatcherAssert.assertThat("hometown=" + area, ids, containsInAnyOrder((Object[]) expected));
    }

    @Test
    void categoryAndStatusFilters() {
        String tag = unique();
        Map<String, Object> athlete = person("Vận Động Viên " + tag);
        athlete.put("categories", List.of("ATHLETE", "STUDENT"));
        athlete.put("country", "KE");
        String a = createPerson(ADMIN, athlete);
        Map<String, Object> returned = person("Đã Về Nước " + tag);
        returned.put("status", "RETURNED");
        returned.put("country", "KE");
        String r = createPerson(ADMIN, returned);
        as(ADMIN).queryParam("country", "KE").queryParam("category", "ATHLETE").get(PERSONS).then()
                .body("items.id", contains(a));
        as(ADMIN).queryParam("country", "KE").queryParam("status", "RETURNED").get(PERSONS).then()
                .body("items.id", contains(r));
    }

    @Test
    void searchIsServedByTheWordIndexes() throws Exception {
        // with enough rows for the planner to care (inserted in a transaction that is rolled back)
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // every pooled connection plans a search for its values (a generic plan reads a rare name in id order)
            try (ResultSet rs = st.executeQuery("SHOW plan_cache_mode")) {
                rs.next();
                assertEquals("force_custom_plan", rs.getString(1));
            }
            c.setAutoCommit(false);
            st.execute(vn.diaspora.registry.demo.DemoData.script(20_000));
            st.execute("ANALYZE person");
            st.execute("ANALYZE search_word");
            String names = plan(st, "SELECT t.id FROM person t WHERE t.deleted_at IS NULL AND "
                    + "t.search_words @> registry_words('nguyen thi huong') ORDER BY t.id LIMIT 51");
            c.rollback();
            // a bitmap scan of the word index for few matches, the id order with a filter for many: see bench/
            assertTrue(names.contains("person_words") || names.contains("person_pkey"), names);
            assertTrue(!names.contains("Seq Scan"), names);
        }
    }

    private static String plan(Statement st, String sql) throws java.sql.SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    @Test
    void everyDemoPersonKeepsItsOwnRules() throws Exception {
        // a demo record that breaks a rule of the API cannot be edited (birthYear must match birthDate)
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute(vn.diaspora.registry.demo.DemoData.script(2_000));
            try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE birth_date IS NOT NULL), "
                    + "count(*) FILTER (WHERE birth_year <> extract(year FROM birth_date)) FROM person WHERE created_by = 'demo-data'")) {
                rs.next();
                assertTrue(rs.getLong(1) > 500, "demo persons with a birth date: " + rs.getLong(1));
                org.junit.jupiter.api.Assertions.assertEquals(0, rs.getLong(2), "demo persons whose birthYear is not their birth date's");
            } finally {
                c.rollback();
            }
        }
    }
}
