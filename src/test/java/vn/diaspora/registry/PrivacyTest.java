package vn.diaspora.registry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static vn.diaspora.registry.Api.ADMIN;
import static vn.diaspora.registry.Api.AUDITOR;
import static vn.diaspora.registry.Api.PERSONS;
import static vn.diaspora.registry.Api.PROVINCE_24;
import static vn.diaspora.registry.Api.as;
import static vn.diaspora.registry.Api.createPerson;
import static vn.diaspora.registry.Api.person;

@QuarkusTest
class PrivacyTest {
    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;
    @jakarta.inject.Inject
    vn.diaspora.registry.record.SealExisting sealExisting;
    @jakarta.inject.Inject
    vn.diaspora.registry.security.FieldCipher cipher;
    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** The row of a person and its newest version as PostgreSQL holds them. */
    List<String> stored(String id) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT p.contacts, p.relatives_contact, p.notes, v.snapshot::text "
                     + "FROM person p JOIN record_version v ON v.record_id = p.id WHERE p.id = ?::uuid ORDER BY v.version DESC LIMIT 1")) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    @Test
    void contactsRelativesAndNotesAreEncryptedAtRestAndReadBackInClear() throws Exception {
        Map<String, Object> body = person("Mã Hóa " + Api.uniqueWord());
        body.put("relativesContact", Map.of("name", "Nguyễn Thị Mẹ", "relation", "mother", "phone", "0912 345 678"));
        body.put("notes", "Gặp tại hội nghị kiều bào 2026");
        String id = createPerson(PROVINCE_24, body);
        List<String> row = stored(id);
        for (String column : row.subList(0, 3)) {
            org.junit.jupiter.api.Assertions.assertTrue(column.startsWith("enc:v1:dev-only:"), column);
        }
        String snapshot = row.get(3);
        for (String clear : List.of("someone@example.jp", "0912 345 678", "Nguyễn Thị Mẹ", "hội nghị")) {
            org.junit.jupiter.api.Assertions.assertFalse(String.join(" ", row).contains(clear), clear + " is stored in clear");
        }
        org.junit.jupiter.api.Assertions.assertTrue(snapshot.contains("Mã Hóa"), "names stay searchable: " + snapshot);
        as(PROVINCE_24).get(PERSONS + "/" + id).then().statusCode(200)
                .body("contacts.email", is("someone@example.jp"))
                .body("relativesContact.phone", is("0912 345 678"))
                .body("notes", is("Gặp tại hội nghị kiều bào 2026"));
        as(PROVINCE_24).get(PERSONS + "/" + id + "/history").then().statusCode(200)
                .body("items[0].snapshot.relativesContact.name", is("Nguyễn Thị Mẹ"))
                .body("items[0].snapshot.notes", is("Gặp tại hội nghị kiều bào 2026"));
    }

    @Test
    void submissionRowsKeepTheirContactsAndNotesEncryptedToo() throws Exception {
        String officer = Tokens.unitOfficer("219");
        String submission = QuarterlyCycleTest.open(officer, QuarterlyCycleTest.period());
        Map<String, Object> data = QuarterlyCycleTest.lucNgan("Hàng Mã Hóa " + Api.uniqueWord());
        data.put("notes", "ghi chú riêng");
        as(officer).body(List.of(QuarterlyCycleTest.row("PERSON", "ENC-1", "CREATE", data)))
                .put("/api/v1/submissions/" + submission + "/items").then().statusCode(200).body("rowsStored", is(1));
        as(officer).get("/api/v1/submissions/" + submission + "/items").then().statusCode(200)
                .body("items[0].data.contacts.email", is("someone@example.jp")).body("items[0].data.notes", is("ghi chú riêng"));
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT data::text FROM submission_item WHERE submission_id = ?::uuid")) {
            ps.setString(1, submission);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                String stored = rs.getString(1);
                org.junit.jupiter.api.Assertions.assertFalse(stored.contains("someone@example.jp") || stored.contains("ghi chú"), stored);
                org.junit.jupiter.api.Assertions.assertTrue(stored.contains("\"contacts\": \"enc:v1:"), stored);
            }
        }
    }

    @Test
    void aKeyRotationResealsEveryValueSoTheOldKeyCanGo() throws Exception {
        Map<String, Object> body = person("Đổi Khóa " + Api.uniqueWord());
        body.put("notes", "ghi chú trước khi đổi khóa");
        String id = createPerson(PROVINCE_24, body);
        String devKey = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("registry.encryption.key", String.class);
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        String newKey = java.util.Base64.getEncoder().encodeToString(bytes);
        vn.diaspora.registry.security.FieldCipher rotated = new vn.diaspora.registry.security.FieldCipher(
                java.util.Optional.of(newKey), "k2", java.util.Optional.of(List.of("dev-only:" + devKey)));
        try {
            org.junit.jupiter.api.Assertions.assertTrue(sealExisting.sealAll(rotated) >= 2);
            List<String> row = stored(id);
            org.junit.jupiter.api.Assertions.assertTrue(row.get(0).startsWith("enc:v1:k2:") && row.get(2).startsWith("enc:v1:k2:"), row.toString());
            org.junit.jupiter.api.Assertions.assertTrue(row.get(3).contains("enc:v1:k2:") && !row.get(3).contains("enc:v1:dev-only:"), row.get(3));
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM person WHERE concat(contacts, relatives_contact, notes) LIKE '%enc:v1:dev-only:%')"
                         + " + (SELECT count(*) FROM record_version WHERE snapshot::text LIKE '%enc:v1:dev-only:%')")) {
                rs.next();
                org.junit.jupiter.api.Assertions.assertEquals(0, rs.getLong(1), "values still sealed with the old key");
            }
            vn.diaspora.registry.security.FieldCipher newKeyOnly = new vn.diaspora.registry.security.FieldCipher(
                    java.util.Optional.of(newKey), "k2", java.util.Optional.empty());
            org.junit.jupiter.api.Assertions.assertEquals("ghi chú trước khi đổi khóa", newKeyOnly.open(row.get(2)));
        } finally { // back to the key the running service holds
            sealExisting.sealAll(new vn.diaspora.registry.security.FieldCipher(
                    java.util.Optional.of(devKey), "dev-only", java.util.Optional.of(List.of("k2:" + newKey))));
        }
        as(PROVINCE_24).get(PERSONS + "/" + id).then().statusCode(200).body("notes", is("ghi chú trước khi đổi khóa"))
                .body("contacts.email", is("someone@example.jp"));
    }

    @Test
    void theDatabaseRefusesAClearValueAndOldClearRowsAreEncryptedAtStart() throws Exception {
        String id = createPerson(PROVINCE_24, person("Dữ Liệu Cũ " + Api.uniqueWord()));
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> st.executeUpdate("UPDATE person SET notes = 'in clear' WHERE id = '" + id + "'"));
            org.junit.jupiter.api.Assertions.assertEquals("23514", refused.getSQLState()); // check_violation
            // A database from before encryption at rest: its checks (migration V6) not yet validated, clear values in rows and versions.
            Map<String, String> checks = new java.util.LinkedHashMap<>();
            try (java.sql.ResultSet rs = st.executeQuery("SELECT conname, conrelid::regclass, pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE conname IN ('person_sealed', 'record_version_sealed') AND conislocal")) {
                while (rs.next()) {
                    checks.put(rs.getString(1), "ALTER TABLE " + rs.getString(2) + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(3) + " NOT VALID");
                }
            }
            org.junit.jupiter.api.Assertions.assertEquals(2, checks.size());
            st.execute("ALTER TABLE person DROP CONSTRAINT person_sealed");
            st.execute("ALTER TABLE record_version DROP CONSTRAINT record_version_sealed");
            st.executeUpdate("UPDATE person SET notes = 'old clear note', contacts = '{\"email\": \"old@example.jp\"}' WHERE id = '" + id + "'");
            st.executeUpdate("UPDATE record_version SET snapshot = snapshot || '{\"notes\": \"old clear note\"}' WHERE record_id = '" + id + "'");
            for (String check : checks.values()) {
                st.execute(check);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(2, sealExisting.sealAll(cipher), "the person and its version");
        List<String> row = stored(id);
        org.junit.jupiter.api.Assertions.assertTrue(row.get(2).startsWith("enc:v1:"), row.get(2));
        org.junit.jupiter.api.Assertions.assertFalse(row.get(3).contains("old clear note"), row.get(3));
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT bool_and(convalidated) FROM pg_constraint WHERE conname IN ('person_sealed', 'record_version_sealed')")) {
            rs.next();
            org.junit.jupiter.api.Assertions.assertTrue(rs.getBoolean(1), "the checks are validated once every row is encrypted");
        }
        as(PROVINCE_24).get(PERSONS + "/" + id).then().statusCode(200)
                .body("notes", is("old clear note")).body("contacts.email", is("old@example.jp"));
        as(PROVINCE_24).get(PERSONS + "/" + id + "/history").then().body("items[0].snapshot.notes", is("old clear note"));
    }

    @Test
    void exportHoldsEverythingAboutThePersonAndIsAudited() {
        String name = "Xuất Dữ Liệu " + Api.uniqueWord();
        String id = createPerson(PROVINCE_24, person(name));
        Map<String, Object> a = LinkedRecordsTest.association("Hội " + Api.uniqueWord(), id);
        Api.create(PROVINCE_24, "/api/v1/associations", a).statusCode(201);
        as(ADMIN).get(PERSONS + "/" + id + "/export").then().statusCode(200)
                .body("person.fullName", is(name))
                .body("person.contacts.email", is("someone@example.jp"))
                .body("history[0].action", is("CREATE"))
                .body("links.kind", hasItem("association"))
                .body("links[0].role", is("CHAIR"));
        as(PROVINCE_24).get(PERSONS + "/" + id + "/export").then().statusCode(403);
        as(AUDITOR).queryParam("record", id).get("/api/v1/audit").then().body("items.action", hasItem("EXPORT"));
    }

    @Test
    void erasureRemovesPersonalFieldsFromTheRecordAndItsHistory() {
        String name = "Xin Xóa " + Api.uniqueWord();
        String id = createPerson(PROVINCE_24, person(name));
        as(PROVINCE_24).contentType("application/merge-patch+json").header("If-Match", "W/\"1\"").body("{\"city\":\"Kobe\"}")
                .patch(PERSONS + "/" + id).then().statusCode(200);
        as(ADMIN).body(Map.of()).post(PERSONS + "/" + id + "/erasure").then().statusCode(422).body("errors[0].field", is("reason"));
        as(PROVINCE_24).body(Map.of("reason", "x")).post(PERSONS + "/" + id + "/erasure").then().statusCode(403);
        as(ADMIN).body(Map.of("reason", "the person's request of 2026-11-20")).post(PERSONS + "/" + id + "/erasure").then().statusCode(204);
        as(ADMIN).body(Map.of("reason", "again")).post(PERSONS + "/" + id + "/erasure").then().statusCode(204);
        as(ADMIN).get(PERSONS + "/" + id).then().statusCode(404);
        as(ADMIN).queryParam("q", name).get(PERSONS).then().body("items.size()", is(0));
        List<Map<String, Object>> snapshots = as(ADMIN).get(PERSONS + "/" + id + "/history").then().statusCode(200)
                .body("items.size()", is(3))
                .body("items[0].reason", org.hamcrest.Matchers.startsWith("erasure: "))
                .body("items.snapshot", everyItem(not(hasKey("contacts"))))
                .body("items.snapshot", everyItem(not(hasKey("city"))))
                .body("items.snapshot.fullName", everyItem(is("[đã xóa / erased]")))
                .body("items.snapshot.country", everyItem(is("JP")))
                .extract().path("items.snapshot");
        org.junit.jupiter.api.Assertions.assertEquals(3, snapshots.size());
        as(AUDITOR).queryParam("record", id).get("/api/v1/audit").then().body("items.action", hasItems("ERASE", "CREATE"));
    }

    @Test
    void erasureAlsoScrubsTheSubmissionRowThatCreatedThePerson() {
        String officer = Tokens.unitOfficer("219");
        String submission = QuarterlyCycleTest.open(officer, QuarterlyCycleTest.period());
        Map<String, Object> data = QuarterlyCycleTest.lucNgan("Xóa Cả Hàng " + Api.uniqueWord());
        data.put("notes", "ghi chú");
        data.put("city", "Kobe");
        as(officer).body(List.of(QuarterlyCycleTest.row("PERSON", "ERASE-1", "CREATE", data)))
                .put("/api/v1/submissions/" + submission + "/items").then().statusCode(200);
        as(officer).post("/api/v1/submissions/" + submission + "/submit").then().statusCode(200);
        as(PROVINCE_24).post("/api/v1/submissions/" + submission + "/accept").then().statusCode(200);
        String id = as(PROVINCE_24).get("/api/v1/submissions/" + submission + "/items").then().extract().path("items[0].appliedId");
        as(ADMIN).body(Map.of("reason", "the person's request")).post(PERSONS + "/" + id + "/erasure").then().statusCode(204);
        as(PROVINCE_24).get("/api/v1/submissions/" + submission + "/items").then().statusCode(200)
               .body("items[0].data.fullName", is("[đã xóa / erased]"))
               .body("items[0].data", not(hasKey("contacts"))).body("items[0].data", not(hasKey("notes")))
               .body("items[0].data", not(hasKey("city")))
               .body("items[0].data.hometownCode", is("07591"));
    }

    @Test
    void consentCanRecordItsWithdrawal() {
        Map<String, Object> p = person("Rút Đồng Ý " + Api.uniqueWord());
        p.put("consent", Map.of("legalBasis", "CONSENT", "date", "2025-01-10", "scope", "registry", "withdrawnOn", "2026-03-01"));
        String id = createPerson(PROVINCE_24, p);
        as(PROVINCE_24).get(PERSONS + "/" + id).then().body("consent.withdrawnOn", is("2026-03-01"));
        p.put("consent", Map.of("legalBasis", "CONSENT", "withdrawnOn", "2999-01-01"));
        as(PROVINCE_24).body(p).post(PERSONS).then().statusCode(422).body("errors[0].field", is("consent.withdrawnOn"));
    }
}
