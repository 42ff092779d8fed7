package vn.diaspora.registry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.common.MonthlyPartitions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.as;

/**
 * Record versions are kept by the month (migration V19): months older than the retention are folded
 * into each record's last version before the cut, so history starts there, the figures of later
 * periods do not move, earlier ones are refused, and the feed forgets the folded versions.
 */
@QuarkusTest
class VersionRetentionTest {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MonthlyPartitions partitions;

    @Test
    void monthsOlderThanTheRetentionKeepOnlyEachRecordsLastVersion() throws SQLException {
        // Iceland: a country no other test uses
        String twiceChanged = Api.createPerson(PROVINCE_24, iceland("Đổi Hai Lần " + Api.uniqueWord()));
        patchCity(twiceChanged, 1, "Reykjavik");
        patchCity(twiceChanged, 2, "Akureyri");
        String oldOnly = Api.createPerson(PROVINCE_24, iceland("Chỉ Có Cũ " + Api.uniqueWord()));
        patchCity(oldOnly, 1, "Kopavogur");
        String foldedTwice = Api.createPerson(PROVINCE_24, iceland("Gấp Hai Lần " + Api.uniqueWord()));
        patchCity(foldedTwice, 1, "Selfoss");
        patchCity(foldedTwice, 2, "Husavik");
        // written years ago, as if: the last version of the first still recent
        backdate(twiceChanged, 1, 45);
        backdate(twiceChanged, 2, 42);
        backdate(oldOnly, 1, 45);
        backdate(oldOnly, 2, 40);
        backdate(foldedTwice, 1, 45);
        backdate(foldedTwice, 2, 30);
        String quarter = quarter(LocalDate.now(VIETNAM));
        long counted = icelanders(quarter);
        assertEquals(3, history(twiceChanged).size());

        try {
            retentionMonths(36);
            assertTrue(partitions.maintain(MonthlyPartitions.Table.VERSIONS) >= 4, "the months 45 to 37 ago are folded");

            assertEquals(List.of(3, 2), history(twiceChanged), "history starts at the last version before the cut");
            assertEquals(List.of(2), history(oldOnly));
            assertEquals(List.of("record_version_base"), partitionsOf(oldOnly));
            assertEquals(counted, icelanders(quarter), "the figures after the cut do not move");
            assertEquals(0, Sql.count(dataSource, "SELECT count(*) FROM change_event WHERE record_id IN ('" + twiceChanged + "', '" + oldOnly + "') AND at < now() - interval '36 months'"),
                    "the feed forgets the folded versions");
            assertEquals(0, Sql.count(dataSource, "SELECT count(*) FROM pg_class WHERE relname = to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh' - interval '40 months', '\"record_version_\"YYYY_MM')"),
                    "the folded months are dropped");

            // figures that would need the folded versions: 410, naming what is too early; before them: exact
            assertEquals(200, as(PROVINCE_24).queryParam("period", "1900-Q1").get("/api/v1/statistics").statusCode());
            as(PROVINCE_24).queryParam("period", quarter(LocalDate.now(VIETNAM).minusMonths(40))).get("/api/v1/statistics")
                    .then().statusCode(410).contentType("application/problem+json").body("errors[0].field", is("period"));
            as(PROVINCE_24).queryParam("period", quarter).queryParam("asKnownAt", java.time.ZonedDateTime.now(VIETNAM).minusMonths(38).toInstant().toString())
                    .get("/api/v1/statistics").then().statusCode(410).body("errors[0].field", is("asKnownAt"));
            as(PROVINCE_24).queryParam("year", LocalDate.now(VIETNAM).minusMonths(40).getYear()).get("/api/v1/reports/yearly")
                    .then().statusCode(410).body("errors[0].field", is("year"));

            // an erasure still reaches the folded version
            as(ADMIN).body(Map.of("reason", "retention test")).post(PERSONS + "/" + oldOnly + "/erasure").then().statusCode(204);
            assertEquals(0, Sql.count(dataSource, "SELECT count(*) FROM record_version WHERE record_id = '" + oldOnly + "' AND snapshot::text LIKE '%Chỉ Có Cũ%'"));

            assertEquals(0, partitions.maintain(MonthlyPartitions.Table.VERSIONS), "nothing more to fold");

            // a year later: the base's version of a record gives way to its newer one
            assertEquals(List.of(3, 2, 1), history(foldedTwice));
            retentionMonths(24);
            assertTrue(partitions.maintain(MonthlyPartitions.Table.VERSIONS) >= 1);
            assertEquals(List.of(3, 2), history(foldedTwice));
            assertEquals(1, Sql.count(dataSource, "SELECT count(*) FROM record_version_base WHERE record_id = '" + foldedTwice + "'"), "one version per record in the base");
            assertEquals(counted - 1, icelanders(quarter), "the erased person has left; the others are counted as before");
        } finally {
            retentionMonths(60);  // as configured; what was folded stays folded
        }
        assertEquals(0, partitions.maintain(MonthlyPartitions.Table.VERSIONS), "a longer retention brings nothing back");
        assertEquals(List.of(3, 2), history(twiceChanged));
    }

    private static Map<String, Object> iceland(String name) {
        Map<String, Object> person = QuarterlyCycleTest.lucNgan(name);
        person.put("country", "IS");
        return person;
    }

    private static void patchCity(String id, int version, String city) {
        as(PROVINCE_24).contentType("application/merge-patch+json").header("If-Match", "W/\"" + version + "\"")
                .body("{\"city\": \"" + city + "\"}").patch(PERSONS + "/" + id).then().statusCode(200);
    }

    private static List<Integer> history(String id) {
        return as(PROVINCE_24).get(PERSONS + "/" + id + "/history").then().statusCode(200).extract().path("items.version");
    }

    private static String quarter(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    private static long icelanders(String period) {
        List<Map<String, Object>> rows = as(PROVINCE_24).queryParam("period", period).get("/api/v1/statistics")
                .then().statusCode(200).extract().path("rows");
        return rows.stream().filter(r -> "IS".equals(r.get("key"))).mapToLong(r -> ((Number) r.get("count")).longValue()).sum();
    }

    /** Moves a version, and its feed event, to {@code months} ago. */
    private void backdate(String id, int version, int months) throws SQLException {
        for (String table : new String[]{"record_version", "change_event"}) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + table + " SET at = at - make_interval(months => ?) WHERE record_id = ?::uuid AND version = ?")) {
                ps.setInt(1, months);
                ps.setString(2, id);
                ps.setInt(3, version);
                assertEquals(1, ps.executeUpdate(), table);
            }
        }
    }

    private void retentionMonths(int months) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE registry_retention SET months = " + months + " WHERE what = 'record_version'");
        }
    }

    private List<String> partitionsOf(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT tableoid::regclass::text FROM record_version WHERE record_id = '" + id + "'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            assertFalse(names.isEmpty());
            return names;
        }
    }
}
