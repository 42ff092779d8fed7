package vn.diaspora.registry.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.diaspora.registry.common.ContactDetails;
import vn.diaspora.registry.security.FieldCipher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Where a submission's new persons probably duplicate persons already in the registry (the dry run's warnings). */
@ApplicationScoped
public class LikelyDuplicates {
    @Inject
    EntityManager em;
    @Inject
    FieldCipher cipher;

    /** Rows up to which a submission's new persons are also compared by trigram similarity (one index search each). */
    static final int SIMILAR_NAME_ROWS = 200;

    /** A live person that a row probably duplicates, with where it is kept (who may be told of it depends on that). */
    public record Match(UUID id, String reportingUnit, String provinceCode) {
    }

    /**
     * For the person rows a submission creates, the live persons that are probably the same: the
     * same name without diacritics and case with the same birth year or hometown (one query for
     * the whole submission, on an index of the normalised name); and, for submissions of up to
     * {@value #SIMILAR_NAME_ROWS} such rows, a trigram-similar name with the same birth year and
     * hometown. Keyed by row position; {@code position}: only that row's (null: every row's).
     */
    @SuppressWarnings("unchecked")
    public Map<Integer, List<Match>> of(UUID submission, Integer position) {
        String birthYear = """
                CASE WHEN i.data->>'birthYear' ~ '^[0-9]{4}$' THEN (i.data->>'birthYear')::int
                     WHEN i.data->>'birthDate' ~ '^[0-9]{4}-' THEN left(i.data->>'birthDate', 4)::int END""";
        List<Object[]> found = new ArrayList<>(em.createNativeQuery("""
                        SELECT position, id, reporting_unit, province_code FROM (
                            SELECT i.position, p.id, p.reporting_unit, p.province_code, row_number() OVER (PARTITION BY i.position ORDER BY p.id) AS n
                            FROM submission_item i
                            JOIN person p ON p.deleted_at IS NULL
                             AND registry_norm(p.full_name) = registry_norm(i.data->>'fullName')
                             AND (p.hometown_code = i.data->>'hometownCode' OR p.birth_year = %s)
                            WHERE i.submission_id = ?1 AND i.kind = 'PERSON' AND i.action = 'CREATE'
                              AND (cast(?2 AS int) IS NULL OR i.position = ?2)) d
                        WHERE n <= 3""".formatted(birthYear))
                .setParameter(1, submission).setParameter(2, position).getResultList());
        long newPersons = ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM submission_item i WHERE i.submission_id = ?1 AND i.kind = 'PERSON' AND i.action = 'CREATE'")
                .setParameter(1, submission).getSingleResult()).longValue();
        if (newPersons <= SIMILAR_NAME_ROWS) {
            found.addAll(em.createNativeQuery("""
                            SELECT i.position, d.id, d.reporting_unit, d.province_code FROM submission_item i
                            CROSS JOIN LATERAL (
                                SELECT p.id, p.reporting_unit, p.province_code FROM person p
                                WHERE p.deleted_at IS NULL AND p.hometown_code = i.data->>'hometownCode' AND p.birth_year = %s
                                  AND word_similarity(registry_norm(i.data->>'fullName'), p.search_text) >= 0.8
                                ORDER BY word_similarity(registry_norm(i.data->>'fullName'), p.search_text) DESC, p.id LIMIT 3) d
                            WHERE i.submission_id = ?1 AND i.kind = 'PERSON' AND i.action = 'CREATE'
                              AND i.data->>'fullName' IS NOT NULL AND (cast(?2 AS int) IS NULL OR i.position = ?2)""".formatted(birthYear))
                    .setParameter(1, submission).setParameter(2, position).getResultList());
        }
        Map<Integer, List<Match>> byRow = new TreeMap<>();
        for (Object[] r : found) {
            List<Match> matches = byRow.computeIfAbsent((Integer) r[0], k -> new ArrayList<>());
            Match match = new Match((UUID) r[1], (String) r[2], (String) r[3]);
            if (!matches.contains(match)) {
                matches.add(match);
            }
        }
        return byRow;
    }

    /** Which of a row's e-mail and phone a registered person has too, compared by their blind keys as the duplicate scan does: neither is shown. */
    public SameContacts sameContacts(UUID person, ContactDetails contacts) {
        Person p = em.find(Person.class, person);
        java.util.Set<String> theirs = p == null || p.contactKeys == null ? java.util.Set.of() : java.util.Set.of(p.contactKeys);
        String[] email = contacts == null ? new String[0] : ContactKeys.of(new ContactDetails(contacts.email(), null, null), cipher);
        String[] phone = contacts == null ? new String[0] : ContactKeys.of(new ContactDetails(null, contacts.phone(), null), cipher);
        return new SameContacts(email.length == 1 && theirs.contains(email[0]), phone.length == 1 && theirs.contains(phone[0]));
    }

    /** Whether the e-mail, the phone, are the same. */
    public record SameContacts(boolean email, boolean phone) {
    }
}
