package vn.diaspora.registry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.diaspora.registry.Api.AUDITOR;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.READER;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;

/** Every read of a record, every search and every write is in the audit log, which only auditors read and nobody changes. */
@QuarkusTest
class AuditTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void readsSearchesAndWritesAreAudited() {
        String word = Api.uniqueWord();
        String id = createPerson(PROVINCE_24, person("Kiểm Toán " + word));
        as(READER).get(PERSONS + "/" + id).then().statusCode(200);
        as(READER).queryParam("q", "kiem toan " + word).get(PERSONS).then().statusCode(200);
        as(PROVINCE_24).contentType("application/merge-patch+json").header("If-Match", "W/\"1\"").body("{\"city\":\"Kobe\"}")
                .patch(PERSONS + "/" + id).then().statusCode(200);
        List<Map<String, Object>> events = as(AUDITOR).queryParam("record", id).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("UPDATE", "SEARCH", "READ", "CREATE"))
                .body("items[2].subject", is("api-reader"))
                .body("items[2].roles", hasItem("api-reader"))
                .body("items[1].query", containsString("q=kiem"))
                .body("items[1].resultCount", is(1))
                .body("items[0].requestId", notNullValue())
                .extract().path("items");
        org.junit.jupiter.api.Assertions.assertEquals(4, events.size());
        as(AUDITOR).queryParam("subject", "api-reader").queryParam("limit", 1).get("/api/v1/audit").then().statusCode(200)
                .body("items.size()", is(1)).body("nextCursor", notNullValue());
        as(AUDITOR).queryParam("record", id).queryParam("action", "SEARCH").get("/api/v1/audit").then().statusCode(200)
                .body("items.action", contains("SEARCH"));
        as(AUDITOR).queryParam("action", "PEEK").get("/api/v1/audit").then().statusCode(400).body("errors[0].field", is("action"));
    }

    @Test
    void theAuditTrailAndThePersonalDataStayOutOfTheApplicationLog() {
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            String word = Api.uniqueWord();
            String id = createPerson(PROVINCE_24, person("Nhật Ký " + word));
            as(READER).get(PERSONS + "/" + id).then().statusCode(200);
            as(READER).queryParam("q", "nhat ky " + word).get(PERSONS).then().statusCode(200).body("items.size()", is(1));
            as(AUDITOR).queryParam("record", id).get("/api/v1/audit").then().statusCode(200).body("items.size()", is(3));
            org.jboss.logging.Logger.getLogger(AuditTest.class).info("the capture sees the application log");
            org.junit.jupiter.api.Assertions.assertTrue(logged.stream().anyMatch(l -> l.contains("the capture sees")), "no log captured");
            List<String> leaks = logged.stream().filter(line -> line.toLowerCase(java.util.Locale.ROOT).contains(word.toLowerCase(java.util.Locale.ROOT))
                    || line.contains(id) || line.contains("someone@example.jp")).toList();
            org.junit.jupiter.api.Assertions.assertEquals(List.of(), leaks);
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void onlyAuditorsReadTheLogAndNoOneChangesIt() throws SQLException {
        as(PROVINCE_24).get("/api/v1/audit").then().statusCode(403);
        as(Api.ADMIN).get("/api/v1/audit").then().statusCode(403);
        as(AUDITOR).queryParam("record", "nope").get("/api/v1/audit").then().statusCode(400).body("errors[0].field", is("record"));
        as(AUDITOR).delete("/api/v1/audit").then().statusCode(405);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit_event"));
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE audit_event SET subject = 'x'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("TRUNCATE audit_event"));
        }
    }

    @Inject
    vn.diaspora.registry.common.MonthlyPartitions partitions;

    /** Kept by the month: months older than the retention (24) are dropped whole, a search's names with them. */
    @Test
    void monthsOlderThanTheRetentionAreDropped() throws SQLException {
        String word = Api.uniqueWord();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // events written 30 and 23 months ago, in their months as they were made then
            String month30 = Sql.text(st, "SELECT to_char(now() - interval '30 months', 'YYYY_MM')");
            st.execute("CREATE TABLE IF NOT EXISTS audit_event_" + month30 + " PARTITION OF audit_event FOR VALUES FROM ('"
                    + Sql.text(st, "SELECT date_trunc('month', now() - interval '30 months')") + "') TO ('"
                    + Sql.text(st, "SELECT date_trunc('month', now() - interval '30 months') + interval '1 month'") + "')");
            for (int monthsAgo : new int[]{30, 23}) {
                st.execute("INSERT INTO audit_event (at, subject, roles, action, collection, query) VALUES (now() - interval '"
                        + monthsAgo + " months', 'retention-test', '{auditor}', 'SEARCH', 'persons', 'q=nguyen+" + word + "+" + monthsAgo + "')");
            }
            assertEquals(2, Sql.count(st, "SELECT count(*) FROM audit_event WHERE query LIKE '%" + word + "%'"));
            assertEquals(0, Sql.count(st, "SELECT count(*) FROM audit_event_default"), "every event in its month");
        }
        org.junit.jupiter.api.Assertions.assertTrue(partitions.maintain(vn.diaspora.registry.common.MonthlyPartitions.Table.AUDIT) >= 1, "the months before the retention were dropped");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertEquals(0, Sql.count(st, "SELECT count(*) FROM audit_event WHERE query LIKE '%" + word + "+30%'"), "30 months old: gone");
            assertEquals(1, Sql.count(st, "SELECT count(*) FROM audit_event WHERE query LIKE '%" + word + "+23%'"), "23 months old: kept");
            assertEquals(1, Sql.count(st, "SELECT count(*) FROM pg_class WHERE relname = to_char(now() + interval '3 months', '\"audit_event_\"YYYY_MM')"),
                    "the months ahead are made");
        }
    }
}
