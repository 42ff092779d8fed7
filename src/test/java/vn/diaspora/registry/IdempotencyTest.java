package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

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
}
