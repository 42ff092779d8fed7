package vn.diaspora.registry.contribution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Text;
import vn.diaspora.registry.record.RecordData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A contribution to the province by a person, association or business of the registry. */
@Schema(name = "ContributionData", description = "Writable fields of a contribution (the body of POST and PUT; PATCH merges into it)")
@JsonIgnoreProperties(value = {"id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy"}, allowGetters = true)
public record ContributionData(
        @NotNull Kind kind,
        @NotNull @PastOrPresent @Schema(example = "2026-02-10") LocalDate date,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) @Schema(example = "250000000") BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code, e.g. VND") @Schema(example = "VND", maxLength = 3) String currency,
        @Size(max = Limits.TEXT) @Schema(example = "Học bổng cho học sinh nghèo vượt khó") String description,
        @Size(max = 300) @Schema(example = "Trường THCS Lục Ngạn", description = "Project in the province") String project,
        @Schema(description = "Contributing person") UUID personId,
        @Schema(description = "Contributing association") UUID associationId,
        @Schema(description = "Contributing business") UUID businessId,
        @Size(max = Limits.CODE) @Schema(example = "219", description = "Reporting unit; the officer's unit, or the contributor's, when absent") String reportingUnit) implements RecordData {

    public ContributionData {
        currency = Text.clean(currency);
        description = Text.cleanLines(description);
        project = Text.clean(project);
        reportingUnit = Text.clean(reportingUnit);
    }

    @Schema(name = "ContributionKind")
    public enum Kind { INVESTMENT, CHARITY, KNOWLEDGE_TRANSFER, TRADE_PROMOTION, REMITTANCE, OTHER }
}
