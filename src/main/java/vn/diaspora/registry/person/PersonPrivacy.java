package vn.diaspora.registry.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.audit.AuditLog;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordView;
import vn.diaspora.registry.record.VersionView;
import vn.diaspora.registry.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person's rights over their data (Decree 13/2023/NĐ-CP): a copy of everything held about
 * them, and erasure, which removes the personal fields from the record and from every version
 * of it while the anonymous fields (country, hometown, categories, residence status) keep
 * counting in statistics. Both are audited.
 */
@ApplicationScoped
public class PersonPrivacy {
    /** Fields removed by erasure, from the record's versions. */
    static final List<String> PERSONAL = RecordKind.PERSON.personal();
    private static final String PERSONS = RecordKind.PERSON.collection();
    static final String ERASED_NAME = "[đã xóa / erased]";
    static final int MAX_LINKS = 10_000;

    @Schema(name = "PersonExport", description = "Everything the registry holds about a person")
    public record Export(RecordView<PersonData> person, @Schema(maxItems = Limits.HISTORY) List<VersionView> history,
                         @Schema(maxItems = MAX_LINKS, description = "Associations, businesses and contributions that name the person")
                         List<Link> links,
                         Instant exportedAt) {
    }

    @Schema(name = "PersonLink")
    public record Link(@Schema(enumeration = {"association", "business", "contribution"}) String kind, UUID id,
                       @Schema(description = "Name of the association or business; kind of the contribution", maxLength = 300) String name,
                       @Schema(description = "The person's role in the association or business", maxLength = 20) String role) {
    }

    @Inject
    EntityManager em;
    @Inject
    PersonService persons;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Transactional
    public Export export(UUID id) {
        RecordView<PersonData> person = persons.get(id);
        List<VersionView> history = persons.history(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT 'association', a.id, a.name, m.role FROM association_member m JOIN association a ON a.id = m.association_id
                        WHERE m.person_id = ?1 AND a.deleted_at IS NULL
                        UNION ALL
                        SELECT 'business', b.id, b.name, o.role FROM business_owner o JOIN business b ON b.id = o.business_id
                        WHERE o.person_id = ?1 AND b.deleted_at IS NULL
                        UNION ALL
                        SELECT 'contribution', c.id, c.kind, NULL FROM contribution c WHERE c.person_id = ?1 AND c.deleted_at IS NULL
                        LIMIT\s""" + MAX_LINKS)
                .setParameter(1, id).getResultList();
        List<Link> links = rows.stream().map(r -> new Link((String) r[0], (UUID) r[1], (String) r[2], (String) r[3])).toList();
        audit.record(AuditLog.Action.EXPORT, PERSONS, List.of(id), 1);
        return new Export(person, history, links, Instant.now());
    }

    /** Removes the personal fields from the JSON {@code column} of the rows of {@code table} that {@code where} (?1: the person) selects. */
    private void scrub(String table, String column, String where, UUID id) {
        String remove = String.join(" - ", PERSONAL.stream().map(f -> "'" + f + "'").toList());
        em.createNativeQuery("UPDATE " + table + " SET " + column + " = (" + column + " - " + remove
                        + ") || jsonb_build_object('fullName', cast(?2 AS text)) WHERE " + where)
                .setParameter(1, id).setParameter(2, ERASED_NAME).executeUpdate();
    }

    /**
     * Erases the person's personal data from the record, its versions and the submission rows that
     * wrote it, and so from every record the registry has declared the same person (merged into it,
     * or it into them, at any distance): their versions, feed events and rows too. The records
     * leave lists and searches. Erasing twice changes nothing more.
     */
    @Transactional
    public void erase(UUID id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > Limits.DELETE_REASON) {
            throw ProblemException.invalid("reason", "a reason of 1 to " + Limits.DELETE_REASON + " characters is required");
        }
        Person asked = em.find(Person.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (asked == null) {
            throw ProblemException.notFound("Person " + id);
        }
        List<UUID> samePerson = mergeGroup(id);
        for (UUID member : samePerson) {
            Person p = member.equals(id) ? asked : em.find(Person.class, member, LockModeType.PESSIMISTIC_WRITE);
            if (!ERASED_NAME.equals(p.fullName)) {
                erase(p, reason.strip());
            }
        }
        audit.record(AuditLog.Action.ERASE, PERSONS, samePerson, samePerson.size());
    }

    /** The person and every person merged into it or it into them, at any distance, in id order (the order rows are locked in). */
    private List<UUID> mergeGroup(UUID id) {
        @SuppressWarnings("unchecked")
        List<UUID> group = em.createNativeQuery("""
                        WITH RECURSIVE same(id) AS (
                            SELECT cast(?1 AS uuid)
                            UNION
                            SELECT p.id FROM person p JOIN same s ON p.merged_into = s.id OR p.id = (SELECT merged_into FROM person WHERE id = s.id))
                        SELECT id FROM same ORDER BY id""")
                .setParameter(1, id).getResultList();
        return group;
    }

    private void erase(Person p, String reason) {
        UUID id = p.id;
        scrub("record_version", "snapshot", "collection = '" + PERSONS + "' AND record_id = ?1", id);
        // The quarterly rows that created or changed the record hold the same personal data.
        scrub("submission_item", "data", "kind = '" + RecordKind.PERSON + "' AND data IS NOT NULL AND (record_id = ?1 OR applied_id = ?1)", id);
        p.fullName = ERASED_NAME;
        p.foreignName = null;
        p.birthName = null;
        p.birthDate = null;
        p.birthYear = null;
        p.city = null;
        p.occupation = null;
        p.expertise = null;
        p.employer = null;
        p.contacts = null;
        p.relativesContact = null;
        p.consent = null;
        p.notes = null;
        p.contactKeys = new String[0];
        p.version++;
        p.updatedAt = Instant.now();
        p.updatedBy = caller.subject();
        if (p.deletedAt == null) {
            p.deletedAt = p.updatedAt;
            p.deletedBy = p.updatedBy;
        }
        p.deleteReason = "erasure: " + reason;
        p.contentHash = "erased";
        em.createNativeQuery("""
                        INSERT INTO record_version (collection, record_id, version, action, changed_fields, snapshot, actor, at, reason)
                        VALUES (?8, ?1, ?2, 'DELETE', cast(?3 AS text[]), cast(?4 AS jsonb), ?5, ?6, ?7)""")
                .setParameter(1, id).setParameter(2, p.version).setParameter(3, "{" + String.join(",", PERSONAL) + "}")
                .setParameter(4, json.valueToTree(java.util.Map.of("fullName", ERASED_NAME, "country", p.country,
                        "hometownCode", p.hometownCode, "reportingUnit", p.reportingUnit)).toString())
                .setParameter(5, p.updatedBy).setParameter(6, java.sql.Timestamp.from(p.updatedAt)).setParameter(7, p.deleteReason).setParameter(8, PERSONS)
                .executeUpdate();
    }
}
