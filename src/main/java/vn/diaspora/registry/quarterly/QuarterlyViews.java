package vn.diaspora.registry.quarterly;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.quarterly.Submission.State;
import vn.diaspora.registry.quarterly.SubmissionItem.Action;
import vn.diaspora.registry.quarterly.SubmissionItem.Kind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the quarterly cycle. */
public final class QuarterlyViews {
    private QuarterlyViews() {
    }

    @Schema(name = "Submission")
    public record SubmissionView(UUID id, @Schema(example = "2026-Q3") String period, @Schema(example = "219") String unitCode,
                                 @Schema(example = "24") String provinceCode, State state, String reviewComment, int version,
                                 int itemCount, @Schema(description = "Last day of timely submission") LocalDate deadline,
                                 Instant createdAt, String createdBy, Instant submittedAt, String submittedBy,
                                 Instant reviewedAt, String reviewedBy) {
    }

    @Schema(name = "SubmissionItemInput", description = "A row of a submission; a row with a known rowKey replaces that row")
    public record ItemInput(
            @NotNull Kind kind,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]+", message = "must be printable") @Schema(example = "LN-2026-0042", description = "The unit's own key of the row") String rowKey,
            @NotNull Action action,
            @Schema(description = "The record changed or deleted (UPDATE, DELETE)") UUID recordId,
            @Schema(description = "The record's version the row was based on (UPDATE, DELETE)") Integer baseVersion,
            @Schema(type = SchemaType.OBJECT, description = "The record's fields, as in POST of its collection (CREATE, UPDATE)") JsonNode data,
            @Size(max = 500) @Schema(description = "Why the record is deleted (DELETE)") String reason) {
    }

    @Schema(name = "SubmissionItem")
    public record ItemView(int position, Kind kind, String rowKey, Action action, UUID recordId, Integer baseVersion,
                           @Schema(type = SchemaType.OBJECT) JsonNode data, String reason,
                           @Schema(description = "The record created or changed when the submission was accepted") UUID appliedId) {
    }

    @Schema(name = "RowReport", description = "One finding of a dry run, in Vietnamese and English")
    public record RowReport(@Schema(description = "Position of the row in the submission, from 1") int row, Kind kind, String rowKey,
                            @Schema(enumeration = {"OK", "WARNING", "ERROR"}) String level, String field,
                            String messageVi, String messageEn) {
    }

    @Schema(name = "ValidationReport", description = "Counts of every row, and a finding per row (OK, or each warning and error)")
    public record ValidationReport(UUID submissionId, int rows, @Schema(description = "Rows without warnings or errors") int ok,
                                   @Schema(description = "Rows with warnings only") int warnings,
                                   @Schema(description = "Rows with errors") int errors,
                                   @Schema(description = "More than 5,000 findings: only the first are listed") boolean truncated,
                                   List<RowReport> findings) {
    }

    @Schema(name = "UnitCompleteness")
    public record UnitStatus(String unitCode, String unitName,
                             @Schema(enumeration = {"NOT_STARTED", "DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED"}) String state,
                             UUID submissionId, Instant submittedAt, Instant acceptedAt,
                             @Schema(description = "Submitted by the deadline") boolean onTime,
                             @Schema(description = "Not submitted by the deadline (submitted after it, or not yet and it has passed)") boolean late) {
    }

    @Schema(name = "Completeness", description = "Who has reported: rates are over the expected units and never exceed 100 %")
    public record Completeness(String period, String province, LocalDate deadline, int expectedUnits,
                               @Schema(description = "Units whose report is submitted or accepted") int reported,
                               int accepted, int onTime,
                               @Schema(example = "0.75") BigDecimal reportedRate, @Schema(example = "0.5") BigDecimal onTimeRate,
                               List<UnitStatus> units) {
    }

    @Schema(name = "PeriodInfo")
    public record PeriodView(String period, LocalDate start, LocalDate end, String province, LocalDate deadline,
                             @Schema(description = "Units expected to report; configured by registry-admin, else derived from the admin units in force") List<String> units,
                             boolean configured) {
    }

    @Schema(name = "UploadSummary")
    public record UploadSummary(UUID submissionId, @Schema(description = "Rows read from the file and stored") int rowsStored,
                                @Schema(description = "Rows of the submission after the upload") int itemCount) {
    }

    @Schema(name = "SubmissionEvent", description = "A transition of a submission: who, when, from which state to which")
    public record Event(String fromState, String toState, String actor, Instant at, String comment) {
    }

    @Schema(name = "Deadline")
    public record Deadline(@Schema(example = "24") String province,
                           @Schema(example = "15", description = "Days after the end of a quarter by which a submission is on time") Integer daysAfterQuarter) {
    }

    @Schema(name = "ReturnRequest")
    public record ReturnRequest(@NotBlank @Size(max = 2000) @Schema(example = "Hàng 12 thiếu quốc gia cư trú") String comment) {
    }
}
