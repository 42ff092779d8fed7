package vn.diaspora.registry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.diaspora.registry.demo.DemoData;

import java.sql.Connection;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo data tells the story of the last eight quarters (demo/story.sql), loaded here in a
 * transaction that is rolled back: reports accepted on time and late, returned with row comments,
 * awaiting review, drafts, units that never reported; records that arrived with their reports.
 */
@QuarkusTest
class DemoStoryTest {
    @Inject
    AgroalDataSource dataSource;

    /** Issue 22: two fresh starts told different stories (29 accepted on one, 25 on the next); now the same, to the minute. */
    @Test
    void theDemoTellsTheSameStoryAtEveryFreshStart() throws Exception {
        assertEquals(story(), story());
    }

    /** The demo's reports (who, which quarter, in what state, when each step happened), loaded and rolled back. */
    private String story() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                st.execute(DemoData.script(800));
                st.execute(DemoData.story());
                try (java.sql.ResultSet rs = st.executeQuery("""
                        SELECT count(*), md5(string_agg(concat_ws('|', id, unit_code, period, state, created_at, submitted_at, reviewed_at), ',' ORDER BY id))
                        FROM submission WHERE created_by LIKE 'dev-unit-officer-%'""")) {
                    rs.next();
                    assertTrue(rs.getLong(1) > 50, "a story of many reports");
                    return rs.getString(2);
                }
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void theDemoTellsTheLastEightQuartersOfReports() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                st.execute(DemoData.script(800));
                st.execute(DemoData.story());
                String demo = "created_by LIKE 'dev-unit-officer-%'";
                assertTrue(Sql.count(st, "SELECT count(*) FROM submission WHERE " + demo + " AND state = 'ACCEPTED'") > 50);
                for (String state : new String[] {"SUBMITTED", "RETURNED", "DRAFT"}) {
                    assertTrue(Sql.count(st, "SELECT count(*) FROM submission WHERE " + demo + " AND state = '" + state + "'") > 0, state);
                }
                // late: submitted after the 15th day after the quarter
                assertTrue(Sql.count(st, "SELECT count(*) FROM submission WHERE " + demo + " AND submitted_at > "
                        + "period_start(period) + interval '3 months 15 days'") > 0, "late reports");
                // accepted only after being returned once
                assertTrue(Sql.count(st, "SELECT count(DISTINCT submission_id) FROM submission_event e JOIN submission s ON s.id = e.submission_id "
                        + "WHERE s.state = 'ACCEPTED' AND e.to_state = 'RETURNED'") > 0, "returned, then accepted");
                assertTrue(Sql.count(st, "SELECT count(*) FROM row_comment r JOIN submission s ON s.id = r.submission_id "
                        + "WHERE s.state = 'RETURNED'") > 0, "row comments of returned reports");
                // every event sequence is in time order and ends in the submission's state
                assertEquals(0, Sql.count(st, "SELECT count(*) FROM submission s WHERE " + demo + " AND s.state <> "
                        + "(SELECT to_state FROM submission_event e WHERE e.submission_id = s.id ORDER BY seq DESC LIMIT 1)"));
                assertEquals(0, Sql.count(st, "SELECT count(*) FROM submission_event a JOIN submission_event b "
                        + "ON a.submission_id = b.submission_id AND b.seq = a.seq + 1 WHERE b.at < a.at"));
                assertEquals(0, Sql.count(st, "SELECT count(*) FROM submission WHERE " + demo + " AND greatest(created_at, submitted_at, reviewed_at) > now()"));
                // the README's example sends Lục Ngạn's 2025-Q2 report: it is not there yet
                assertEquals(0, Sql.count(st, "SELECT count(*) FROM submission WHERE unit_code = '219' AND period = '2025-Q2'"));
                // the records of accepted reports carry them; their first versions count in the reported period
                assertTrue(Sql.count(st, "SELECT count(*) FROM person p JOIN submission s ON s.id = p.source_submission "
                        + "WHERE s.state = 'ACCEPTED' AND p.created_at = s.reviewed_at") > 300);
                assertEquals(0, Sql.count(st, "SELECT count(*) FROM person p JOIN submission s ON s.id = p.source_submission WHERE s.state <> 'ACCEPTED'"));
                assertEquals(0, Sql.count(st, "SELECT count(*) FROM person p JOIN record_version v ON v.collection = 'persons' AND v.record_id = p.id "
                        + "AND v.version = 1 JOIN submission s ON s.id = p.source_submission WHERE v.period IS DISTINCT FROM s.period"));
                assertEquals(0, Sql.count(st, "SELECT count(*) FROM submission_item i JOIN submission s ON s.id = i.submission_id "
                        + "WHERE s.state = 'ACCEPTED' AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = i.applied_id)"));
                assertTrue(Sql.count(st, "SELECT count(DISTINCT v.period) FROM record_version v JOIN person p ON p.id = v.record_id "
                        + "WHERE v.collection = 'persons' AND v.period IS NOT NULL") >= 6, "persons reported across the quarters");
                // in the latest quarter, some expected communes have not reported at all
                assertTrue(Sql.count(st, "SELECT count(*) FROM admin_unit u WHERE u.territory = '24' AND u.level = 'COMMUNE' AND u.valid_from IS NOT NULL "
                        + "AND u.valid_to IS NULL AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.unit_code = u.code "
                        + "AND s.period = (SELECT max(period) FROM submission WHERE " + demo + "))") > 0, "units that never reported");
                // the README's person: typed in directly, at version 1
                assertEquals(1, Sql.count(st, "SELECT count(*) FROM person WHERE full_name = 'Nguyễn Thị Hương' AND hometown_code = '07201' "
                        + "AND version = 1 AND source_submission IS NULL"));
            } finally {
                c.rollback();
            }
        }
    }
}
