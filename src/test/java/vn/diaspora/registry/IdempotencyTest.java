package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.is;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.person;
import static vn.diaspora.registry.Api.unique;

@QuarkusTest
class IdempotencyTest {

    @Test
    void aRetriedPostReturnsTheFirstAnswerAndCreatesNothingNew() {
        String name = "Idempotent " + unique();
        Map<String, Object> body = person(name);
        String key = unique();
        String first = as(PROVINCE_24).header("Idempotency-Key", key).body(body).post(PERSONS).then().statusCode(201)
                .extract().path("id");
        as(PROVINCE_24).header("Idempotency-Key", key).body(body).post(PERSONS).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith(first))
                .body("id", is(first));
        as(PROVINCE_24).queryParam("q", name).get(PERSONS).then().body("items.size()", is(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = unique();
        as(PROVINCE_24).header("Idempotency-Key", key).body(person("Key Owner " + unique())).post(PERSONS).then().statusCode(201);
        as(PROVINCE_24).header("Idempotency-Key", key).body(person("Someone Else " + unique())).post(PERSONS).then()
                .statusCode(422).body("errors[0].field", is("Idempotency-Key"));
    }

    @Test
    void keysAreScopedPerClient() {
        String key = unique();
        Map<String, Object> body = person("Scoped Key " + unique());
        String a = as(PROVINCE_24).header("Idempotency-Key", key).body(body).post(PERSONS).then().statusCode(201).extract().path("id");
        String b = as(Api.ADMIN).header("Idempotency-Key", key).body(body).post(PERSONS).then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
    }

    @Test
    void aFailedPostDoesNotConsumeTheKey() {
        String key = unique();
        Map<String, Object> body = person("Retry After Fix " + unique());
        body.put("country", "XX");
        as(PROVINCE_24).header("Idempotency-Key", key).body(body).post(PERSONS).then().statusCode(422);
        body.put("country", "JP");
        as(PROVINCE_24).header("Idempotency-Key", key).body(body).post(PERSONS).then().statusCode(201);
    }

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private void sql(String statement, String... values) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.execute();
        }
    }

    @Test
    void aReplayCarriesTheETagOfTheRecordAsItIsNow() {
        String key = unique();
        Map<String, Object> body = person("Replayed Tag " + unique());
        String id = as(PROVINCE_24).header("Idempotency-Key", key).body(body).post(PERSONS).then().statusCode(201)
                .header("ETag", "W/\"1\"").extract().path("id");
        as(PROVINCE_24).header("If-Match", "W/\"1\"").contentType("application/merge-patch+json").body(Map.of("city", "Kyoto"))
                .patch(PERSONS + "/" + id).then().statusCode(200);
        as(PROVINCE_24).header("Idempotency-Key", key).body(body).post(PERSONS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").header("ETag", "W/\"2\"").body("city", is("Kyoto"));
    }

    @Test
    void afterErasureAReplayGivesNothingOfThePersonAndNoAnswerIsStored() throws Exception {
        String key = unique();
        String name = "Erased Replay " + Api.uniqueWord();
        Map<String, Object> body = person(name);
        String id = as(PROVINCE_24).header("Idempotency-Key", key).body(body).post(PERSONS).then().statusCode(201).extract().path("id");
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT to_jsonb(k)::text FROM idempotency_key k WHERE key = ?")) {
            ps.setString(1, key);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                org.junit.jupiter.api.Assertions.assertTrue(rs.next());
                String row = rs.getString(1);
                org.junit.jupiter.api.Assertions.assertTrue(row.contains(id), row);
                for (String personal : List.of(name, "someone@example.jp", "Osaka")) {
                    org.junit.jupiter.api.Assertions.assertFalse(row.contains(personal), "the key row holds " + personal);
                }
            }
        }
        as(Api.ADMIN).body(Map.of("reason", "request of the person")).post(PERSONS + "/" + id + "/erasure").then().statusCode(204);
        String replay = as(PROVINCE_24).header("Idempotency-Key", key).body(body).post(PERSONS).then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        for (String personal : List.of(name, "someone@example.jp", "Osaka")) {
            org.junit.jupiter.api.Assertions.assertFalse(replay.contains(personal), "the replay gave " + personal);
        }
    }

    @Test
    void anExpiredKeyIsANewRequest() throws Exception {
        String key = unique();
        as(PROVINCE_24).header("Idempotency-Key", key).body(person("First Use " + unique())).post(PERSONS).then().statusCode(201);
        sql("UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = ?", key);
        as(PROVINCE_24).header("Idempotency-Key", key).body(person("Second Use " + unique())).post(PERSONS).then().statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    }
}
