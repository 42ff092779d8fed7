package vn.diaspora.registry.person;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.ContactDetails;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Name;
import vn.diaspora.registry.common.Text;
import vn.diaspora.registry.record.RecordData;

import java.time.LocalDate;
import java.util.List;

/** A native of Bắc Giang or Bình Định living abroad: the writable fields. */
@Schema(name = "PersonData", description = "Writable fields of a person (the body of POST and PUT; PATCH merges into it)")
@JsonIgnoreProperties(value = {"id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy"}, allowGetters = true)
public record PersonData(
        @NotBlank @Name @Size(max = 200) @Schema(example = "Nguyễn Thị Hương", description = "Full Vietnamese name with diacritics") String fullName,
        @Name @Size(max = 200) @Schema(example = "Huong Nguyen", description = "Name used abroad") String foreignName,
        @Name @Size(max = 200) @Schema(description = "Name at birth, if different") String birthName,
        @Schema(defaultValue = "UNKNOWN") Sex sex,
        @PastOrPresent @Schema(example = "1985-04-12", description = "Full birth date, when known") LocalDate birthDate,
        @Min(1850) @Max(2100) @Schema(example = "1985", description = "Birth year, when only the year is known") Integer birthYear,
        @NotBlank @Size(max = Limits.CODE) @Schema(example = "07210", description = "Admin-unit code of the hometown as recorded (pre- or post-2025 unit of Bắc Giang/Bình Định)") String hometownCode,
        @Size(max = Limits.CODE) @Schema(example = "213", description = "Reporting unit; derived from the hometown (or the officer's unit) when absent") String reportingUnit,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code, e.g. JP") @Schema(example = "JP", maxLength = 2) String country,
        @Size(max = 100) @Schema(example = "Osaka") String city,
        @Schema(defaultValue = "UNKNOWN") ResidenceStatus residenceStatus,
        @Size(max = 10) @Schema(example = "[\"VN\", \"JP\"]") List<@Size(max = 2) @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> nationalities,
        @Size(max = 10) List<@NotNull Category> categories,
        @Size(max = 200) @Schema(example = "Software engineer") String occupation,
        @Size(max = 200) @Schema(example = "Semiconductors") String expertise,
        @Size(max = 200) String employer,
        @Valid ContactDetails contacts,
        @Valid RelativesContact relativesContact,
        @Valid Consent consent,
        @Schema(defaultValue = "ACTIVE") Status status,
        @Size(max = Limits.TEXT) String notes) implements RecordData {

    public PersonData {
        fullName = Text.clean(fullName);
        foreignName = Text.clean(foreignName);
        birthName = Text.clean(birthName);
        sex = sex == null ? Sex.UNKNOWN : sex;
        hometownCode = Text.clean(hometownCode);
        reportingUnit = Text.clean(reportingUnit);
        country = Text.clean(country);
        city = Text.clean(city);
        residenceStatus = residenceStatus == null ? ResidenceStatus.UNKNOWN : residenceStatus;
        nationalities = Text.list(nationalities);
        categories = Text.list(categories);
        occupation = Text.clean(occupation);
        expertise = Text.clean(expertise);
        employer = Text.clean(employer);
        status = status == null ? Status.ACTIVE : status;
        notes = Text.cleanLines(notes);
    }

    @Schema(name = "Sex")
    public enum Sex { MALE, FEMALE, OTHER, UNKNOWN }

    public enum ResidenceStatus { CITIZEN, PERMANENT_RESIDENT, TEMPORARY_RESIDENT, STUDENT, WORKER, UNKNOWN }

    @Schema(name = "PersonCategory")
    public enum Category { EXPERT, INTELLECTUAL, ENTREPRENEUR, STUDENT, WORKER, ATHLETE, ARTIST, ASSOCIATION_LEADER, RESPECTED_INDIVIDUAL, OTHER }

    @Schema(name = "PersonStatus")
    public enum Status { ACTIVE, RETURNED, DECEASED, LOST_CONTACT }

    @Schema(name = "RelativesContact", description = "Contact of relatives in the hometown; left out for api-reader")
    public record RelativesContact(
            @Name @Size(max = 200) String name,
            @Size(max = 100) @Schema(example = "mother") String relation,
            @Pattern(regexp = ContactDetails.PHONE, message = "must be a phone number, e.g. 0912 345 678") @Schema(maxLength = ContactDetails.PHONE_LENGTH) String phone,
            @Size(max = 500) String address) {
        public RelativesContact {
            name = Text.clean(name);
            relation = Text.clean(relation);
            phone = Text.clean(phone);
            address = Text.clean(address);
        }
    }

    @Schema(name = "Consent", description = "Legal basis for holding the person's data (Law 91/2025/QH15 on Personal Data Protection, Decree 356/2025)")
    public record Consent(
            @NotNull @Schema(example = "CONSENT") LegalBasis legalBasis,
            @PastOrPresent @Schema(example = "2025-03-14", description = "When consent was given or the basis recorded") LocalDate date,
            @Size(max = 500) @Schema(example = "registry and contact by the Department of Foreign Affairs") String scope,
            @PastOrPresent @Schema(description = "When the person withdrew consent, if they did (after date)", example = "2026-02-02") LocalDate withdrawnOn) {
        public Consent {
            scope = Text.clean(scope);
        }

        public enum LegalBasis { CONSENT, LEGAL_OBLIGATION, PUBLIC_TASK, VITAL_INTEREST }
    }
}
