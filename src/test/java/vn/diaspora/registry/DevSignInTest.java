package vn.diaspora.registry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dev sign-in offers, besides the fixed demo officers, each commune of the demo story that
 * has something to do (issue 22): a returned report to mend, a draft to finish; signed in as one,
 * the officer finds that report among its unit's periods.
 */
@QuarkusTest
class DevSignInTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCommuneOfTheStoryWithAReturnedReportSignsInAndFindsIt() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // as demo/story.sql writes a returned report of the last quarter, by the subject the dev sign-in mints for the commune
            st.execute("INSERT INTO submission (id, period, unit_code, province_code, state, review_comment, version, created_at, created_by) "
                    + "VALUES ('" + id + "', '2026-Q3', '07210', '24', 'RETURNED', 'Đề nghị bổ sung', 3, now(), 'dev-unit-officer-07210-24')");
        }
        try {
            signInAndFind(id);
        } finally {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("DELETE FROM submission WHERE id = '" + id + "'");  // no other test's quarter counts it
            }
        }
    }

    private static void signInAndFind(String id) {
        String page = new Browser().get("/portal/dev-sign-in", 200);
        assertTrue(page.contains("value=\"unit-07210\"") && page.contains("(Bắc Giang, 07210) — báo cáo bị trả lại"), page);
        Browser commune = new Browser();
        commune.get("/portal/dev-sign-in", 200);
        assertEquals(303, commune.post("/portal/dev-sign-in", Map.of("officer", "unit-07210")).statusCode());
        String periods = commune.get("/portal/unit", 200);
        assertTrue(periods.contains("/portal/submission?id=" + id) && periods.contains("Bị trả lại"), periods);
    }
}
