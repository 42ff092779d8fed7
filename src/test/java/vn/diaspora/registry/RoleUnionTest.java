package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;

/**
 * One access policy for every combination of roles (issue 9, finding 3 and 7): a token reaches
 * the union of what each of its roles grants, each with its own fields. The unit officer is of
 * unit 213, the province officer of province 52; the records are in units 213 and 219 of
 * province 24. Read, list and history are checked for every role alone and every pair.
 */
@QuarkusTest
class RoleUnionTest {
    static final List<String> ROLES = List.of("unit-officer", "province-officer", "api-reader", "registry-admin", "auditor");
    static final Set<String> OFFICER_ONLY = Set.of("contacts", "relativesContact", "notes");

    static String word;
    static String inUnit213;
    static String inUnit219;

    /** Made on first use: RestAssured knows the test port only once the application runs. */
    static synchronized void records() {
        if (word != null) {
            return;
        }
        word = Api.uniqueWord();
        Map<String, Object> a = person("Phạm Thị " + word);
        a.put("notes", "met at the consulate");
        inUnit213 = createPerson(Api.ADMIN, a);
        Map<String, Object> b = person("Phạm Văn " + word);
        b.put("hometownCode", "07591");
        b.put("notes", "met at the consulate");
        inUnit219 = createPerson(Api.ADMIN, b);
    }

    static List<List<String>> combinations() {
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < ROLES.size(); i++) {
            all.add(List.of(ROLES.get(i)));
            for (int j = i + 1; j < ROLES.size(); j++) {
                all.add(List.of(ROLES.get(i), ROLES.get(j)));
            }
        }
        return all;
    }

    /** What the policy must give: "403", "404", "whole" or "redacted". */
    static String expected(List<String> roles, String unit) {
        boolean unitOfficer = roles.contains("unit-officer") && unit.equals("213");
        boolean admin = roles.contains("registry-admin");
        if (roles.stream().noneMatch(r -> Set.of("unit-officer", "province-officer", "api-reader", "registry-admin").contains(r))) {
            return "403";
        }
        if (admin || unitOfficer) {
            return "whole";
        }
        return roles.contains("api-reader") ? "redacted" : "404";
    }

    static String token(List<String> roles) {
        return Tokens.roles(roles, Map.of("unit", "213", "province", "52"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void everyChannelGivesTheUnionOfTheRolesEachWithItsOwnFields(List<String> roles) {
        records();
        String token = token(roles);
        for (String[] record : List.of(new String[]{inUnit213, "213"}, new String[]{inUnit219, "219"})) {
            String want = expected(roles, record[1]);
            String what = roles + " on a record of unit " + record[1];

            var read = as(token).get(PERSONS + "/" + record[0]).then().extract();
            assertEquals(want.matches("\\d+") ? Integer.parseInt(want) : 200, read.statusCode(), what + ": GET");
            if (read.statusCode() == 200) {
                assertEquals(want, shown(read.jsonPath().getMap("")), what + ": GET fields");
            }

            var history = as(token).get(PERSONS + "/" + record[0] + "/history").then().extract();
            assertEquals(want.matches("\\d+") ? Integer.parseInt(want) : 200, history.statusCode(), what + ": history");
            if (history.statusCode() == 200) {
                assertEquals(want, shown(history.jsonPath().getMap("items[0].snapshot")), what + ": history fields");
            }

            var list = as(token).queryParam("q", word).queryParam("limit", 10).get(PERSONS).then().extract();
            if (want.equals("403")) {
                assertEquals(403, list.statusCode(), what + ": list");
                continue;
            }
            JsonPath page = list.jsonPath();
            List<Map<String, Object>> found = page.<Map<String, Object>>getList("items").stream()
                    .filter(item -> record[0].equals(item.get("id"))).toList();
            assertEquals(want.equals("404") ? 0 : 1, found.size(), what + ": list");
            if (!found.isEmpty()) {
                assertEquals(want, shown(found.get(0)), what + ": list fields");
            }
        }
    }

    private static String shown(Map<String, Object> fields) {
        long present = OFFICER_ONLY.stream().filter(f -> fields.get(f) != null).count();
        assertEquals(true, present == 0 || present == OFFICER_ONLY.size(), "officer-only fields all or none: " + fields.keySet());
        return present == 0 ? "redacted" : "whole";
    }
}
