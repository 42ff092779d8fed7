package vn.diaspora.registry.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.Clocks;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.quarterly.Period;
import vn.diaspora.registry.quarterly.QuarterlyService;
import vn.diaspora.registry.quarterly.ReportingCalendar;
import vn.diaspora.registry.quarterly.Submission;
import vn.diaspora.registry.quarterly.Submission.State;
import vn.diaspora.registry.reference.ReferenceData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who has reported in a period (DHIS2's completeness): every expected unit with its state and
 * timeliness, and the province's rates — over the expected units, so never above 100 %; a draft
 * is not a report, and "not reported" is never shown as zero changes.
 */
@ApplicationScoped
public class CompletenessService {
    @Inject
    ReportingCalendar calendar;
    @Inject
    QuarterlyService quarterly;
    @Inject
    ReferenceData reference;

    @Schema(name = "UnitCompleteness")
    public record UnitStatus(@Schema(maxLength = Limits.CODE) String unitCode, @Schema(maxLength = 200) String unitName,
                             @Schema(enumeration = {"NOT_STARTED", "DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED"}) String state,
                             UUID submissionId, Instant submittedAt, Instant acceptedAt,
                             @Schema(description = "Submitted by the deadline") boolean onTime,
                             @Schema(description = "Not submitted by the deadline (submitted after it, or not yet and it has passed)") boolean late) {
    }

    @Schema(name = "Completeness", description = "Who has reported: rates are over the expected units and never exceed 100 %")
    public record Completeness(@Schema(maxLength = Limits.PERIOD) String period, @Schema(maxLength = Limits.CODE) String province,
                               LocalDate deadline, int expectedUnits,
                               @Schema(description = "Units whose report is submitted or accepted") int reported,
                               int accepted, int onTime,
                               @Schema(example = "0.75") BigDecimal reportedRate, @Schema(example = "0.5") BigDecimal onTimeRate,
                               @Schema(maxItems = Limits.UNITS) List<UnitStatus> units) {
    }

    public Completeness completeness(Period p, String province) {
        String prov = calendar.requireProvince(province);
        LocalDate deadline = calendar.deadline(p, prov);
        Instant due = deadline.plusDays(1).atStartOfDay(Clocks.VIETNAM).toInstant();
        boolean duePassed = Instant.now().isAfter(due);
        Map<String, Submission> byUnit = quarterly.submissionsOf(p, prov).stream()
                .collect(Collectors.toMap(s -> s.unitCode, Function.identity()));
        List<UnitStatus> units = new ArrayList<>();
        int reported = 0;
        int accepted = 0;
        int onTime = 0;
        for (String unit : calendar.expectedUnits(p, prov)) {
            Submission s = byUnit.get(unit);
            boolean isReported = s != null && (s.state == State.SUBMITTED || s.state == State.ACCEPTED);
            boolean timely = isReported && s.submittedAt != null && !s.submittedAt.isAfter(due);
            boolean late = isReported ? !timely : duePassed;
            reported += isReported ? 1 : 0;
            accepted += s != null && s.state == State.ACCEPTED ? 1 : 0;
            onTime += timely ? 1 : 0;
            units.add(new UnitStatus(unit, reference.units(unit).stream().findFirst().map(u -> u.fullName).orElse(unit),
                    s == null ? "NOT_STARTED" : s.state.name(), s == null ? null : s.id, isReported ? s.submittedAt : null,
                    s != null && s.state == State.ACCEPTED ? s.reviewedAt : null, timely, late));
        }
        int expected = units.size();
        return new Completeness(p.toString(), prov, deadline, expected, reported, accepted, onTime,
                rate(reported, expected), rate(onTime, expected), units);
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
