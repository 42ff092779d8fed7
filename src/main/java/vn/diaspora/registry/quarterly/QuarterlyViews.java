package vn.diaspora.registry.quarterly;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.Identified;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.quarterly.Submission.State;
import vn.diaspora.registry.quarterly.SubmissionItem.Action;
import vn.diaspora.registry.record.RecordKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the quarterly cycle. */
public final class QuarterlyViews {
    /** Rows in one PUT (the 1 MiB body holds a few thousand); larger batches go through the file upload. */
    static final int ROWS_PER_PUT = 10_000;

    private QuarterlyViews() {
    }

    @Schema(name = "Submission")
    public record SubmissionView(UUID id, @Schema(example = "2026-Q3", maxLength = Limits.PERIOD) String period,
                                 @Schema(example = "219", maxLength = Limits.CODE) String unitCode,
                                 @Schema(example = "24", maxLength = Limits.CODE) String provinceCode, State state,
                                 @Schema(maxLength = Limits.REASON) String reviewComment, int version,
                                 @Schema(minimum = "0", maximum = "" + Limits.SUBMISSION_ROWS) int itemCount,
                                 @Schema(description = "Last day of timely submission") LocalDate deadline,
                                 Instant createdAt, @Schema(maxLength = Limits.ACTOR) String createdBy,
                                 Instant submittedAt, @Schema(maxLength = Limits.ACTOR) String submittedBy,
                                 Instant reviewedAt, @Schema(maxLength = Limits.ACTOR) String reviewedBy) implements Identified {
    }

    @Schema(name = "SubmissionItemInput", description = "A row of a submission; a row with a known rowKey replaces that row")
    public record ItemInput(
            @NotNull RecordKind kind,
            @NotBlank @Size(max = Limits.ROW_KEY) @Pattern(regexp = "[^\\p{Cntrl}]+", message = "must be printable") @Schema(example = "LN-2026-0042", description = "The unit's own key of the row") String rowKey,
            @NotNull Action action,
            @Schema(description = "The record changed or deleted (UPDATE, DELETE)") UUID recordId,
            @Schema(description = "The record's version the row was based on (UPDATE, DELETE)") Integer baseVersion,
            @Schema(type = SchemaType.OBJECT, description = "CREATE: the record's fields, as in POST of its collection. UPDATE: a JSON merge patch "
                    + "(RFC 7386) of the record, as in PATCH: a field left out stays as it is, null clears it") JsonNode data,
            @Size(max = Limits.DELETE_REASON) @Schema(description = "Why the record is deleted (DELETE)") String reason) {
    }

    @Schema(name = "SubmissionItem")
    public record ItemView(int position, RecordKind kind, @Schema(maxLength = Limits.ROW_KEY) String rowKey, Action action, UUID recordId,
                           Integer baseVersion, @Schema(type = SchemaType.OBJECT) JsonNode data,
                           @Schema(maxLength = Limits.DELETE_REASON) String reason,
                           @Schema(description = "The sheet of the uploaded file the row came from (absent for rows sent as JSON)", maxLength = 100) String sheet,
                           @Schema(description = "The row's line in that sheet, as the spreadsheet numbers it") Integer line,
                           @Schema(description = "The record created or changed when the submission was accepted") UUID appliedId,
                           @Schema(description = "The reviewer's comment on this row, from the latest review (accept or return)", maxLength = Limits.REASON) String reviewComment) {
    }

    @Schema(name = "RowReport", description = "One finding of a dry run, in Vietnamese and English")
    public record RowReport(@Schema(description = "Position of the row in the submission, from 1") int row, RecordKind kind,
                            @Schema(maxLength = Limits.ROW_KEY) String rowKey,
                            @Schema(description = "Sheet of the uploaded file the row came from (absent for rows sent as JSON)", maxLength = 100) String sheet,
                            @Schema(description = "Line of that sheet, as Excel numbers it") Integer line,
                            @Schema(description = "Header of the column the finding is about, as in the template", maxLength = 100) String column,
                            @Schema(enumeration = {"OK", "WARNING", "ERROR"}) String level,
                            @Schema(description = "Stable code of the finding") ErrorCode code,
                            @Schema(description = "JSON path of the field", maxLength = 100) String field,
                            @Schema(maxLength = Limits.REASON) String messageVi, @Schema(maxLength = Limits.REASON) String messageEn,
                            @Schema(description = "The specifics, in English (the value refused, the conflicting version)", maxLength = Limits.REASON) String detail,
                            @Schema(description = "The existing person a likely duplicate names, when the caller may read it") UUID personId) {
    }

    @Schema(name = "ValidationReport", description = "Counts of every row, and a finding per row (OK, or each warning and error)")
    public record ValidationReport(UUID submissionId, int rows, @Schema(description = "Rows without warnings or errors") int ok,
                                   @Schema(description = "Rows with warnings only") int warnings,
                                   @Schema(description = "Rows with errors") int errors,
                                   @Schema(description = "More than 5,000 findings: only the first are listed") boolean truncated,
                                   @Schema(maxItems = QuarterlyService.MAX_FINDINGS) List<RowReport> findings) {
    }

    @Schema(name = "PeriodInfo")
    public record PeriodView(@Schema(maxLength = Limits.PERIOD) String period, LocalDate start, LocalDate end,
                             @Schema(maxLength = Limits.CODE) String province, LocalDate deadline,
                             @Schema(description = "Units expected to report; configured by registry-admin, else derived from the admin units in force",
                                     maxItems = Limits.UNITS) List<@Size(max = Limits.CODE) String> units,
                             boolean configured) {
    }

    @Schema(name = "UploadSummary")
    public record UploadSummary(UUID submissionId, @Schema(description = "Rows read from the file and stored") int rowsStored,
                                @Schema(description = "Rows of the submission after the upload") int itemCount) {
    }

    @Schema(name = "SubmissionEvent", description = "A transition of a submission: who, when, from which state to which")
    public record Event(@Schema(maxLength = Limits.CODE) String fromState, @Schema(maxLength = Limits.CODE) String toState,
                        @Schema(maxLength = Limits.ACTOR) String actor, Instant at, @Schema(maxLength = Limits.REASON) String comment) {
    }

    @Schema(name = "Deadline")
    public record Deadline(@Schema(example = "24", maxLength = Limits.CODE) String province,
                           @Schema(example = "15", minimum = "0", maximum = "365", description = "Days after the end of a quarter by which a submission is on time") Integer daysAfterQuarter) {
    }

    @Schema(name = "ReturnRequest")
    public record ReturnRequest(@NotBlank @Size(max = Limits.REASON) @Schema(example = "Hàng 12 thiếu quốc gia cư trú") String comment,
                                @Size(max = Limits.SUBMISSION_ROWS) @Schema(description = "A comment per row, shown with the row") List<@Valid @NotNull RowComment> rows) {
    }

    @Schema(name = "AcceptRequest", description = "Optional: the reviewer's comment per row, kept with the accepted submission")
    public record AcceptRequest(@Size(max = Limits.SUBMISSION_ROWS) List<@Valid @NotNull RowComment> rows) {
    }

    @Schema(name = "RowComment", description = "The reviewer's comment on one row")
    public record RowComment(@NotNull RecordKind kind, @NotBlank @Size(max = Limits.ROW_KEY) @Schema(example = "LN-0012") String rowKey,
                             @NotBlank @Size(max = Limits.REASON) @Schema(example = "Quốc gia cư trú chưa đúng") String comment) {
    }

    /** A page of a report's last check: the counts of every row, when it ran, and this page's findings (errors first). */
    public record CheckedPage(UUID submissionId, int rows, int ok, int warnings, int errors, Instant checkedAt, List<RowReport> findings,
                              boolean more) {
    }

    /** What an accept would do: records created, updated and deleted. */
    public record RowActions(long creates, long updates, long deletes) {
    }

    /** A row and an existing person it may duplicate. */
    public record RowPerson(RecordKind kind, String rowKey, UUID personId) {
    }

    @Schema(name = "DuplicateDecision", description = "The row is not the same person as this existing person")
    public record NotDuplicate(@NotNull UUID personId) {
    }
}
