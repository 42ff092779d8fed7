package vn.diaspora.registry.business;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A business abroad owned or run by natives of the provinces. */
@Schema(name = "BusinessData", description = "Writable fields of a business (the body of POST and PUT; PATCH merges into it)")
@JsonIgnoreProperties(value = {"id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy"}, allowGetters = true)
public record BusinessData(
        @NotBlank @Name @Size(max = 300) @Schema(example = "Saigon Foods GmbH") String name,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code, e.g. DE") @Schema(example = "DE", maxLength = 2) String country,
        @Size(max = 100) @Schema(example = "Berlin") String city,
        @Size(max = 100) @Schema(example = "HRB 123456", description = "Registration number in the host country") String registrationNumber,
        @Size(max = 200) @Schema(example = "Food import and retail") String sector,
        @Size(max = 200) List<@NotBlank @Size(max = 200) String> products,
        @Schema(description = "Whether it distributes Vietnamese goods") boolean distributesVietnameseGoods,
        @Schema(example = "[\"Lục Ngạn lychee\", \"rice vermicelli\"]", description = "Vietnamese product groups it distributes")
        @Size(max = 200) List<@NotBlank @Size(max = 200) String> vietnameseProductGroups,
        @Size(max = 1000) List<@NotNull @Valid Owner> owners,
        @Size(max = 2000) @Schema(description = "Links to the province: investment, trade partners") String provinceLinks,
        @Valid ContactDetails contacts,
        @Size(max = 300) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String website,
        @Size(max = Limits.TEXT) String notes,
        @Size(max = Limits.CODE) @Schema(example = "213", description = "Reporting unit; the officer's unit, or the first owner's, when absent") String reportingUnit) implements RecordData {

    public BusinessData {
        name = Text.clean(name);
        country = Text.clean(country);
        city = Text.clean(city);
        registrationNumber = Text.clean(registrationNumber);
        sector = Text.clean(sector);
        products = Text.list(products);
        vietnameseProductGroups = Text.list(vietnameseProductGroups);
        owners = Text.list(owners);
        provinceLinks = Text.cleanLines(provinceLinks);
        website = Text.clean(website);
        notes = Text.cleanLines(notes);
        reportingUnit = Text.clean(reportingUnit);
    }

    @Schema(name = "BusinessOwner", description = "A person of the registry who owns or runs the business")
    public record Owner(@NotNull UUID personId, @NotNull Role role,
                        @DecimalMin("0") @DecimalMax("100") @Schema(example = "60") BigDecimal sharePercent) {
        @Schema(name = "OwnerRole")
        public enum Role { OWNER, CO_OWNER, DIRECTOR, SHAREHOLDER }
    }
}
