package vn.diaspora.registry;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.PROVINCE_52;
import static vn.diaspora.registry.Api.READER;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;

/**
 * The read path (record/AuditedReads): a record and its audit event in one statement. An answered
 * read's event is already committed when the answer arrives, a read that finds nothing writes
 * none, and the sealed fields are not even opened for a caller who may not see them.
 */
@QuarkusTest
class AuditedReadTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAnsweredReadsEventIsCommittedBeforeTheAnswer() throws SQLException {
        String id = createPerson(PROVINCE_24, person("Đọc Ngay " + Api.uniqueWord()));
        String requestId = "read-" + UUID.randomUUID();
        as(READER).header("X-Request-Id", requestId).get(PERSONS + "/" + id).then().statusCode(200).header("ETag", "W/\"1\"");
        // another connection, at once: the event is there, whole
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT action, collection, record_ids::text, result_count, subject, roles::text FROM audit_event WHERE request_id = ?")) {
            st.setString(1, requestId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertEquals("READ", rs.getString(1));
                assertEquals("persons", rs.getString(2));
                assertEquals("{" + id + "}", rs.getString(3));
                assertEquals(1, rs.getInt(4));
                assertEquals("api-reader", rs.getString(5));
                assertEquals("{api-reader}", rs.getString(6));
                assertEquals(false, rs.next(), "one event for one read");
            }
        }

        // unknown, out of scope, deleted: 404, and nothing read, so nothing audited
        String missing = "miss-" + UUID.randomUUID();
        as(READER).header("X-Request-Id", missing).get(PERSONS + "/" + UUID.randomUUID()).then().statusCode(404);
        String outOfScope = "scope-" + UUID.randomUUID();
        as(PROVINCE_52).header("X-Request-Id", outOfScope).get(PERSONS + "/" + id).then().statusCode(404);
        assertEquals(0, Sql.count(dataSource, "SELECT count(*) FROM audit_event WHERE request_id IN ('" + missing + "', '" + outOfScope + "')"));

        // a search page that finds nothing is audited all the same (what was asked, by whom)
        String empty = "empty-" + UUID.randomUUID();
        as(READER).header("X-Request-Id", empty).queryParam("q", Api.uniqueWord()).get(PERSONS).then().statusCode(200).body("items.size()", is(0));
        assertEquals(1, Sql.count(dataSource, "SELECT count(*) FROM audit_event WHERE request_id = '" + empty + "' AND action = 'SEARCH' AND result_count = 0"));
    }

    /**
     * A sealed value that cannot be opened (as under a key this replica lacks) does not trouble a
     * reader's GET or search: for a caller who may not see it, it is left in the database.
     */
    @Test
    void aReaderNeverCausesTheSealedFieldsToBeOpened() throws SQLException {
        String word = Api.uniqueWord();
        String id = createPerson(PROVINCE_24, person("Niêm Phong " + word));
        String sealed;
        try (Connection c = dataSource.getConnection()) {
            sealed = value(c, "SELECT contacts FROM person WHERE id = '" + id + "'");
            // the same sealed value with its last ciphertext character changed: it no longer authenticates
            String forged = sealed.substring(0, sealed.length() - 3) + (sealed.charAt(sealed.length() - 3) == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
            try (PreparedStatement st = c.prepareStatement("UPDATE person SET contacts = ? WHERE id = ?::uuid")) {
                st.setString(1, forged);
                st.setString(2, id);
                assertEquals(1, st.executeUpdate());
            }
        }
        try {
            as(READER).get(PERSONS + "/" + id).then().statusCode(200)
                    .body("fullName", is("Niêm Phong " + word)).body("contacts", nullValue()).body("relativesContact", nullValue());
            as(READER).queryParam("q", "niem phong " + word).get(PERSONS).then().statusCode(200)
                    .body("items.size()", is(1)).body("items[0].contacts", nullValue()).body("items[0].city", is("Osaka"));
        } finally {
            try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("UPDATE person SET contacts = ? WHERE id = ?::uuid")) {
                st.setString(1, sealed);
                st.setString(2, id);
                st.executeUpdate();
            }
        }
        // and the officer, who may, sees them opened
        as(PROVINCE_24).get(PERSONS + "/" + id).then().statusCode(200).body("contacts.email", is("someone@example.jp"))
                .body("relativesContact.name", notNullValue());
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
