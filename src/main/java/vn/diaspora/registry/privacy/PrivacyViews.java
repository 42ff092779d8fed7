package vn.diaspora.registry.privacy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.Identified;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Text;
import vn.diaspora.registry.privacy.SubjectRequest.Kind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the privacy endpoints take and give. */
public final class PrivacyViews {
    private PrivacyViews() {
    }

    @Schema(name = "SubjectRequestInput", description = "A data subject's request as received")
    public record RequestInput(
            @NotNull @Schema(example = "ACCESS") Kind kind,
            @Schema(description = "The person of the registry it concerns, when known") UUID personId,
            @NotNull @PastOrPresent @Schema(example = "2026-11-20", description = "Day the request reached the Department") LocalDate receivedOn,
            @Size(max = 500) @Schema(example = "letter from Nguyễn Thị Hương, Osaka; answer by e-mail", description = "Who asked and how to answer (kept encrypted)") String requester) {
        public RequestInput {
            requester = Text.cleanLines(requester);
        }
    }

    @Schema(name = "SubjectRequestStep", description = "A step of a request: its day (today when absent) and, for extend and complete, why or what was done")
    public record Step(@PastOrPresent LocalDate on,
                       @Size(max = Limits.REASON) @Schema(example = "copy of the record sent by registered mail") String text) {
        public Step {
            text = Text.cleanLines(text);
        }
    }

    @Schema(name = "SubjectRequestState")
    public enum State { RECEIVED, ACKNOWLEDGED, EXTENDED, COMPLETED }

    @Schema(name = "SubjectRequest", description = "A data subject's request and its legal clock")
    public record RequestView(UUID id, Kind kind, UUID personId, LocalDate receivedOn,
                              @Schema(maxLength = 500) String requester, State state,
                              @Schema(description = "2 working days after receipt") LocalDate acknowledgeBy, LocalDate acknowledgedOn,
                              @Schema(description = "15 days after receipt, 30 when extended") LocalDate completeBy,
                              LocalDate extendedOn, @Schema(maxLength = Limits.REASON) String extensionReason,
                              LocalDate completedOn, @Schema(maxLength = Limits.REASON) String outcome,
                              @Schema(description = "A deadline has passed with its step not done") boolean overdue,
                              int version, Instant createdAt, @Schema(maxLength = Limits.ACTOR) String createdBy) implements Identified {
    }

    @Schema(name = "BreachInput", description = "A personal-data breach as detected")
    public record BreachInput(
            @NotNull @PastOrPresent Instant detectedAt,
            @NotNull @Size(min = 1, max = Limits.TEXT) @Schema(example = "an officer's laptop with an export was stolen") String description,
            @Min(0) @Max(100_000_000) Integer recordsAffected) {
        public BreachInput {
            description = Text.cleanLines(description);
        }
    }

    @Schema(name = "BreachNotice", description = "When and to whom the breach was notified")
    public record Notice(@NotNull @PastOrPresent Instant at,
                         @NotNull @Size(min = 1, max = 300) @Schema(example = "A05, Ministry of Public Security") String to) {
        public Notice {
            to = Text.clean(to);
        }
    }

    @Schema(name = "Breach", description = "A personal-data breach and its 72-hour notification deadline")
    public record BreachView(UUID id, Instant detectedAt, @Schema(maxLength = Limits.TEXT) String description, Integer recordsAffected,
                             @Schema(description = "72 hours after detection") Instant notifyBy, Instant notifiedAt,
                             @Schema(maxLength = 300) String notifiedTo,
                             @Schema(description = "Not notified and past the deadline") boolean overdue,
                             int version, Instant createdAt, @Schema(maxLength = Limits.ACTOR) String createdBy) implements Identified {
    }
}
