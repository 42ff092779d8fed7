package vn.diaspora.registry.person;

import vn.diaspora.registry.common.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import vn.diaspora.registry.common.ContactDetails;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.person.PersonData.Category;
import vn.diaspora.registry.person.PersonData.ResidenceStatus;
import vn.diaspora.registry.person.PersonData.Sex;
import vn.diaspora.registry.person.PersonData.Status;
import vn.diaspora.registry.record.JsonColumns;
import vn.diaspora.registry.common.Where;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.security.Reach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@ApplicationScoped
public class PersonService extends RecordService<Person, PersonData> {

    @jakarta.inject.Inject
    vn.diaspora.registry.security.FieldCipher cipher;

    public PersonService() {
        super(RecordKind.PERSON, Person.class, PersonData.class);
    }

    /** List filters of /persons; a hometown filter covers the units under it across the 2025 reform. */
    public record Filter(String country, String hometown, Category category, Status status, Instant updatedSince) {
        public Where query() {
            return new Where()
                    .andIf(country, "t.country = ?")
                    .andIf(hometown, "t.hometown_code IN (SELECT unit_code FROM admin_unit_area WHERE area_code = ?)")
                    .andIf(category == null ? null : category.name(), "t.categories @> ARRAY[cast(? AS text)]")
                    .andIf(status == null ? null : status.name(), "t.status = ?")
                    .andIf(updatedSince, "t.updated_at >= ?");
        }
    }

    @Override
    protected Person newEntity() {
        return new Person();
    }

    @Override
    protected PersonData toData(Person p) {
        return new PersonData(p.fullName, p.foreignName, p.birthName, Sex.valueOf(p.sex), p.birthDate, p.birthYear,
                p.hometownCode, p.reportingUnit, p.country, p.city, ResidenceStatus.valueOf(p.residenceStatus),
                List.of(p.nationalities), Arrays.stream(p.categories).map(Category::valueOf).toList(),
                p.occupation, p.expertise, p.employer,
                JsonColumns.read(json, p.contacts, ContactDetails.class),
                JsonColumns.read(json, p.relativesContact, PersonData.RelativesContact.class),
                JsonColumns.read(json, p.consent, PersonData.Consent.class),
                Status.valueOf(p.status), p.notes);
    }

    @Override
    protected void apply(PersonData d, Person p) {
        p.fullName = d.fullName();
        p.foreignName = d.foreignName();
        p.birthName = d.birthName();
        p.sex = d.sex().name();
        p.birthDate = d.birthDate();
        p.birthYear = d.birthDate() != null ? Integer.valueOf(d.birthDate().getYear()) : d.birthYear();
        p.hometownCode = d.hometownCode();
        p.country = d.country();
        p.city = d.city();
        p.residenceStatus = d.residenceStatus().name();
        p.nationalities = d.nationalities().toArray(String[]::new);
        p.categories = d.categories().stream().map(Enum::name).toArray(String[]::new);
        p.occupation = d.occupation();
        p.expertise = d.expertise();
        p.employer = d.employer();
        p.contacts = JsonColumns.write(json, d.contacts());
        p.relativesContact = JsonColumns.write(json, d.relativesContact());
        p.consent = JsonColumns.write(json, d.consent());
        p.status = d.status().name();
        p.notes = d.notes();
        p.contactKeys = ContactKeys.of(d.contacts(), cipher);
    }

    /**
     * Computes the contact keys of up to {@code max} live persons that have none yet (written
     * before keys were kept, or loaded around the service); returns how many. Those without
     * contacts, all of them, get none in one statement; the others are opened and keyed here.
     */
    @jakarta.transaction.Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 3600)  // a first fill of millions
    public int fillContactKeys(int max) {
        int without = em.createNativeQuery("UPDATE person SET contact_keys = '{}' WHERE contact_keys IS NULL AND contacts IS NULL AND deleted_at IS NULL")
                .executeUpdate();
        List<Person> persons = em.createQuery("FROM Person WHERE contactKeys IS NULL AND deletedAt IS NULL", Person.class)
                .setMaxResults(max).getResultList();
        com.fasterxml.jackson.databind.node.ObjectNode keys = json.createObjectNode();
        persons.forEach(p -> keys.set(p.id.toString(), json.valueToTree(ContactKeys.of(JsonColumns.read(json, p.contacts, ContactDetails.class), cipher))));
        em.clear();  // the loaded persons are not changed through the session
        em.createNativeQuery("""
                        UPDATE person p SET contact_keys = ARRAY(SELECT jsonb_array_elements_text(k.value))
                        FROM jsonb_each(cast(?1 AS jsonb)) k WHERE p.id = cast(k.key AS uuid)""")
                .setParameter(1, keys.toString()).executeUpdate();
        return without + persons.size();
    }

    @Override
    protected java.util.UUID survivorOf(Person p) {
        return p.mergedInto;
    }

    @Override
    protected void merged(Person other, Person survivor) {
        other.mergedInto = survivor.id;
    }

    @Override
    protected List<FieldError> check(PersonData d, Reach links) {
        List<FieldError> errors = new ArrayList<>();
        if (d.hometownCode() != null && !reference.isHometown(d.hometownCode())) {
            errors.add(new FieldError("hometownCode", "'" + d.hometownCode()
                    + "' is not a district or commune of Bắc Giang (24) or Bình Định (52), before or after the 2025 reform", ErrorCode.HOMETOWN_UNKNOWN));
        }
        checkCountry(errors, "country", d.country());
        for (int i = 0; i < d.nationalities().size(); i++) {
            checkCountry(errors, "nationalities[" + i + "]", d.nationalities().get(i));
        }
        int thisYear = Year.now().getValue();
        if (d.birthYear() != null && (d.birthYear() < 1900 || d.birthYear() > thisYear)) {
            errors.add(new FieldError("birthYear", "must be between 1900 and " + thisYear, ErrorCode.BIRTH_YEAR_RANGE));
        }
        if (d.birthDate() != null && d.birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
            errors.add(new FieldError("birthDate", "must be 1900-01-01 or later", ErrorCode.BIRTH_DATE_RANGE));
        }
        if (d.consent() != null && d.consent().date() != null && d.consent().withdrawnOn() != null
                && d.consent().withdrawnOn().isBefore(d.consent().date())) {
            errors.add(new FieldError("consent.withdrawnOn", "before consent was given (" + d.consent().date() + ")",
                    ErrorCode.CONSENT_WITHDRAWN_BEFORE_GIVEN));
        }
        if (d.birthDate() != null && d.birthYear() != null && d.birthDate().getYear() != d.birthYear()) {
            errors.add(new FieldError("birthYear", "does not match birthDate", ErrorCode.BIRTH_YEAR_MISMATCH));
        }
        return errors;
    }

    @Override
    protected String impliedUnit(PersonData d, Reach links) {
        return reference.reportingUnitFor(d.hometownCode());
    }
}
