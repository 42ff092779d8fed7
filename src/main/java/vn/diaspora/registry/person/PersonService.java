package vn.diaspora.registry.person;

import jakarta.enterprise.context.ApplicationScoped;
import vn.diaspora.registry.common.ContactDetails;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.person.PersonData.Category;
import vn.diaspora.registry.person.PersonData.ResidenceStatus;
import vn.diaspora.registry.person.PersonData.Sex;
import vn.diaspora.registry.person.PersonData.Status;
import vn.diaspora.registry.record.JsonColumns;
import vn.diaspora.registry.record.RecordQuery;
import vn.diaspora.registry.record.RecordService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@ApplicationScoped
public class PersonService extends RecordService<Person, PersonData> {

    public PersonService() {
        super("persons", "person", Person.class, PersonData.class);
    }

    /** List filters of /persons; a hometown filter covers the units under it across the 2025 reform. */
    public record Filter(String country, String hometown, Category category, Status status, Instant updatedSince) {
        public RecordQuery query() {
            return new RecordQuery()
                    .andIf(country, "t.country = ?")
                    .andIf(hometown, "t.hometown_code IN (SELECT unit_code FROM admin_unit_area WHERE area_code = ?)")
                    .andIf(category == null ? null : category.name(), "t.categories @> ARRAY[cast(? AS text)]")
                    .andIf(status == null ? null : status.name(), "t.status = ?")
                    .andIf(updatedSince, "t.updated_at >= ?");
        }
    }

    /**
     * Live persons that are probably the same person: the same name (word-similar, so a typo
     * or missing diacritics still match) and the same birth year or hometown.
     */
    @SuppressWarnings("unchecked")
    public List<java.util.UUID> likelyDuplicates(PersonData d) {
        if (d.fullName() == null) {
            return List.of();
        }
        return em.createNativeQuery("""
                        SELECT t.id FROM person t
                        WHERE t.deleted_at IS NULL AND registry_norm(?1) <% t.search_text
                          AND (t.birth_year = ?2 OR t.hometown_code = ?3)
                        ORDER BY t.search_text <->> registry_norm(?1) LIMIT 5""")
                .setParameter(1, d.fullName())
                .setParameter(2, d.birthDate() != null ? Integer.valueOf(d.birthDate().getYear()) : d.birthYear())
                .setParameter(3, d.hometownCode())
                .getResultList();
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
    }

    @Override
    protected List<FieldError> check(PersonData d) {
        List<FieldError> errors = new ArrayList<>();
        if (d.hometownCode() != null && !reference.isHometown(d.hometownCode())) {
            errors.add(new FieldError("hometownCode", "'" + d.hometownCode()
                    + "' is not a district or commune of Bắc Giang (24) or Bình Định (52), before or after the 2025 reform"));
        }
        checkCountry(errors, "country", d.country());
        for (int i = 0; i < d.nationalities().size(); i++) {
            checkCountry(errors, "nationalities[" + i + "]", d.nationalities().get(i));
        }
        int thisYear = Year.now().getValue();
        if (d.birthYear() != null && (d.birthYear() < 1900 || d.birthYear() > thisYear)) {
            errors.add(new FieldError("birthYear", "must be between 1900 and " + thisYear));
        }
        if (d.birthDate() != null && d.birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
            errors.add(new FieldError("birthDate", "must be 1900-01-01 or later"));
        }
        if (d.birthDate() != null && d.birthYear() != null && d.birthDate().getYear() != d.birthYear()) {
            errors.add(new FieldError("birthYear", "does not match birthDate"));
        }
        return errors;
    }

    @Override
    protected String impliedUnit(PersonData d) {
        return reference.reportingUnitFor(d.hometownCode());
    }

    @Override
    protected List<String> contactFields() {
        return List.of("contacts", "relativesContact");
    }

    @Override
    protected String noun() {
        return "Person";
    }
}
