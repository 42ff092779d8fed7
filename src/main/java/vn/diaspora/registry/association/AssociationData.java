package vn.diaspora.registry.association;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.ContactDetails;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Name;
import vn.diaspora.registry.common.Text;
import vn.diaspora.registry.record.RecordData;

import java.util.List;
import java.util.UUID;

/** A hometown, business, professional or student association abroad. */
@Schema(name = "AssociationData", description = "Writable fields of an association (the body of POST and PUT; PATCH merges into it)")
@JsonIgnoreProperties(value = {"id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy"}, allowGetters = true)
public record AssociationData(
        @NotBlank @Name @Size(max = 300) @Schema(example = "Hội đồng hương Bắc Giang tại Nhật Bản") String name,
        @Name @Size(max = 300) @Schema(example = "在日バクザン同郷会", description = "Name in the language of the host country") String originalName,
        @NotNull Kind kind,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code, e.g. JP") @Schema(example = "JP", maxLength = 2) String country,
        @Size(max = 100) @Schema(example = "Tokyo") String city,
        @Min(1900) @Max(2100) @Schema(example = "2012") Integer foundedYear,
        @Min(0) @Max(10_000_000) @Schema(example = "350", description = "Members, as the association reports it") Integer memberCount,
        @Size(max = 10_000) List<@NotNull @Valid Member> members,
        @Valid ContactDetails contacts,
        @Size(max = 300) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website,
        @Size(max = Limits.TEXT) String notes,
        @Size(max = Limits.CODE) @Schema(example = "213", description = "Reporting unit; the officer's unit when absent") String reportingUnit) implements RecordData {

    public AssociationData {
        name = Text.clean(name);
        originalName = Text.clean(originalName);
        country = Text.clean(country);
        city = Text.clean(city);
        members = Text.list(members);
        website = Text.clean(website);
        notes = Text.cleanLines(notes);
        reportingUnit = Text.clean(reportingUnit);
    }

    @Schema(name = "AssociationKind")
    public enum Kind { HOMETOWN, BUSINESS, PROFESSIONAL, STUDENT, OTHER }

    @Schema(name = "AssociationMember", description = "A person of the registry and their role in the association")
    public record Member(@NotNull UUID personId, @NotNull Role role) {
        @Schema(name = "MemberRole")
        public enum Role { CHAIR, VICE_CHAIR, SECRETARY, BOARD_MEMBER, MEMBER }
    }
}
