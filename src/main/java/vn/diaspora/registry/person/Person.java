package vn.diaspora.registry.person;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.diaspora.registry.record.RecordEntity;
import vn.diaspora.registry.security.Sealed;

import java.time.LocalDate;

@Entity
@Table(name = "person")
public class Person extends RecordEntity {
    public String fullName;
    public String foreignName;
    public String birthName;
    public String sex;
    public LocalDate birthDate;
    public Integer birthYear;
    public String hometownCode;
    public String country;
    public String city;
    public String residenceStatus;
    public String[] nationalities;
    public String[] categories;
    public String occupation;
    public String expertise;
    public String employer;
    @Convert(converter = Sealed.class)
    public String contacts;
    @Convert(converter = Sealed.class)
    public String relativesContact;
    @JdbcTypeCode(SqlTypes.JSON)
    public String consent;
    public String status;
    @Convert(converter = Sealed.class)
    public String notes;
    /** The blind keys of the e-mail and phone (ContactKeys); null until computed. */
    public String[] contactKeys;
    /** The person this one was merged into (then this one is deleted). */
    public java.util.UUID mergedInto;
}
