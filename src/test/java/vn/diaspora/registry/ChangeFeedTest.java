package vn.diaspora.registry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.feed.FeedRetention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.as;

/** The change feed (issue 13): every committed change once, in transaction order, none skipped; scope and redaction; long poll; retention. */
@QuarkusTest
class ChangeFeedTest {
    static final String CHANGES = "/api/v1/changes";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    FeedRetention retention;

    /** Where the feed is now, as a reader that has just read the lists continues. */
    static String head() {
        String cursor = as(Api.ADMIN).queryParam("limit", 1).get(Api.PERSONS).then().statusCode(200).extract().header("Changes-Cursor");
        assertNotNull(cursor, "the first page of a list gives the feed cursor");
        return cursor;
    }

    /** Every event after the cursor, for this caller, of the given record. */
    static List<Map<String, Object>> events(String token, String after, String subject) {
        List<Map<String, Object>> events = as(token).queryParam("after", after).queryParam("limit", 500).get(CHANGES)
                .then().statusCode(200).header("Feed-Heartbeat", org.hamcrest.Matchers.notNullValue()).extract().path("items");
        return events.stream().filter(e -> subject.equals(e.get("subject"))).toList();
    }

    @Test
    void aRecordsChangesComeOnceInOrderAsTheCallerMaySeeThem() {
        String after = head();
        String id = Api.createPerson(Api.UNIT_219, QuarterlyCycleTest.lucNgan("Theo Dõi " + Api.uniqueWord()));
        as(Api.UNIT_219).contentType("application/merge-patch+json").header("If-Match", "W/\"1\"").body("{\"city\":\"Kobe\"}")
                .patch(Api.PERSONS + "/" + id).then().statusCode(200);
        as(Api.UNIT_219).header("If-Match", "W/\"2\"").queryParam("reason", "left the registry").delete(Api.PERSONS + "/" + id)
                .then().statusCode(204);

        List<Map<String, Object>> province = events(Api.PROVINCE_24, after, id);
        assertEquals(List.of("vn.diaspora.person.created", "vn.diaspora.person.updated", "vn.diaspora.person.deleted"),
                province.stream().map(e -> e.get("type")).toList());
        Map<String, Object> created = province.get(0);
        assertEquals("1.0", created.get("specversion"));
        assertEquals("/diaspora-registry/persons", created.get("source"));
        Map<?, ?> data = (Map<?, ?>) created.get("data");
        assertEquals(1, data.get("version"));
        assertNotNull(data.get("contacts"), "an officer of the province sees the contacts");
        assertEquals("Kobe", ((Map<?, ?>) province.get(1).get("data")).get("city"));
        assertEquals(Map.of("version", 3), province.get(2).get("data"), "a deletion is a tombstone");

        List<Map<String, Object>> reader = events(Api.READER, after, id);
        assertEquals(3, reader.size());
        assertFalse(((Map<?, ?>) reader.get(0).get("data")).containsKey("contacts"), "api-reader gets no contact fields");
        assertTrue(events(Api.PROVINCE_52, after, id).isEmpty(), "another province sees nothing of it");

        List<Map<String, Object>> onlyUpdates = as(Api.PROVINCE_24).queryParam("after", after).queryParam("types", "person.updated")
                .get(CHANGES).then().statusCode(200).extract().path("items");
        assertTrue(onlyUpdates.stream().allMatch(e -> e.get("type").equals("vn.diaspora.person.updated")));
        String next = as(Api.PROVINCE_24).queryParam("after", after).get(CHANGES).then().extract().path("nextCursor");
        assertTrue(events(Api.PROVINCE_24, next, id).isEmpty(), "nextCursor continues after what was read: nothing twice");
        List<Map<String, Object>> batch = as(Api.PROVINCE_24).accept("application/cloudevents-batch+json").queryParam("after", after)
                .get(CHANGES).then().statusCode(200).contentType("application/cloudevents-batch+json").extract().path("$");
        assertTrue(batch.stream().anyMatch(e -> id.equals(e.get("subject"))), "the same events as a CloudEvents batch");
    }

    @Test
    void anErasureLeavesNoPersonalDataInTheFeedNotEvenInEarlierEvents() {
        String after = head();
        String name = "Xóa Hẳn " + Api.uniqueWord();
        String id = Api.createPerson(Api.UNIT_219, QuarterlyCycleTest.lucNgan(name));
        as(Api.ADMIN).contentType("application/json").body(Map.of("reason", "the person asked")).post(Api.PERSONS + "/" + id + "/erasure")
                .then().statusCode(org.hamcrest.Matchers.anyOf(is(200), is(204)));
        List<Map<String, Object>> events = events(Api.PROVINCE_24, after, id);
        assertEquals("vn.diaspora.person.erased", events.get(events.size() - 1).get("type"));
        String all = events.toString();
        assertFalse(all.contains(name.split(" ")[2]) || all.contains("Osaka") || all.contains("someone@example.jp"), all);
    }

    /** A transaction that began first and commits last: the feed holds back later events until it ends, then serves it first. */
    @Test
    void anEventThatCommitsLateIsNeverSkipped() throws Exception {
        String id = Api.createPerson(Api.UNIT_219, QuarterlyCycleTest.lucNgan("Chậm Chân " + Api.uniqueWord()));
        String after = head();
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement ps = slow.prepareStatement("""
                    INSERT INTO record_version (collection, record_id, version, action, changed_fields, snapshot, actor, at)
                    VALUES ('persons', ?, 99, 'UPDATE', '{}', '{}', 'slow-test', now())""")) {
                ps.setObject(1, java.util.UUID.fromString(id));
                ps.executeUpdate();
            }
            String other = Api.createPerson(Api.UNIT_219, QuarterlyCycleTest.lucNgan("Nhanh Chân " + Api.uniqueWord()));
            assertTrue(events(Api.PROVINCE_24, after, other).isEmpty(), "held back while an older transaction runs");
            slow.commit();
            List<Map<String, Object>> all = as(Api.PROVINCE_24).queryParam("after", after).queryParam("limit", 500).get(CHANGES)
                    .then().extract().path("items");
            List<Object> subjects = all.stream().map(e -> e.get("subject")).filter(s -> s.equals(id) || s.equals(other)).toList();
            assertEquals(List.of(id, other), subjects, "the older transaction's event first, then the other");
        }
    }

    @Test
    void aLongPollAnswersWhenAChangeCommits() throws Exception {
        String after = head();
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(() ->
                as(Api.PROVINCE_24).queryParam("after", after).queryParam("wait", 30).get(CHANGES));
        Thread.sleep(500);
        String id = Api.createPerson(Api.UNIT_219, QuarterlyCycleTest.lucNgan("Chờ Tin " + Api.uniqueWord()));
        long start = System.nanoTime();
        Response answer = poll.get(40, TimeUnit.SECONDS);
        long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(200, answer.statusCode());
        List<Map<String, Object>> items = answer.path("items");
        assertFalse(items.isEmpty(), "the poll answered with the change");
        assertTrue(waited < 25, "woken by the commit, not by the 30 s timeout (" + waited + " s)");
        assertTrue(items.stream().anyMatch(e -> id.equals(e.get("subject"))), "the new person is in the answer");
        List<Map<String, Object>> none = as(Api.PROVINCE_52).queryParam("after", (String) answer.path("nextCursor")).queryParam("wait", 1)
                .get(CHANGES).then().statusCode(200).header("Feed-Heartbeat", org.hamcrest.Matchers.notNullValue()).extract().path("items");
        assertTrue(none.stream().noneMatch(e -> id.equals(e.get("subject"))), "a heartbeat without events after the wait");
    }

    @Test
    void aCursorOlderThanRetentionIsGoneAndSaysToResynchronise() throws Exception {
        String old = head();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO change_event (collection, record_id, version, at) VALUES ('persons', gen_random_uuid(), 1, now() - interval '400 days')")) {
            ps.executeUpdate();
        }
        retention.purge();
        as(Api.READER).queryParam("after", old).get(CHANGES).then().statusCode(410).contentType("application/problem+json")
                .body("errors[0].field", is("after"));
        as(Api.READER).queryParam("after", head()).get(CHANGES).then().statusCode(200);
    }

    @Test
    void badParametersAreNamedAndReadsAreAudited() {
        as(Api.READER).queryParam("after", "not-a-cursor").get(CHANGES).then().statusCode(400).body("errors[0].field", is("after"));
        as(Api.READER).queryParam("types", "vn.diaspora.shoe.updated").get(CHANGES).then().statusCode(400).body("errors[0].field", is("types"));
        as(Api.READER).queryParam("limit", 0).get(CHANGES).then().statusCode(400).body("errors[0].field", is("limit"));
        as(Api.READER).queryParam("wait", 31).get(CHANGES).then().statusCode(400).body("errors[0].field", is("wait"));
        as(Api.AUDITOR).get(CHANGES).then().statusCode(403);
        as(Api.READER).queryParam("after", head()).get(CHANGES).then().statusCode(200);
        as(Api.AUDITOR).queryParam("subject", "api-reader").queryParam("action", "READ").queryParam("limit", 50).get("/api/v1/audit")
                .then().statusCode(200).body("items.collection", org.hamcrest.Matchers.hasItem("changes"));
    }
}
