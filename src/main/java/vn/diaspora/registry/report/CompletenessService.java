package vn.diaspora.registry.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.Clocks;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.quarterly.Period;
import vn.diaspora.registry.quarterly.ReportingCalendar;
import vn.diaspora.registry.reference.ReferenceData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
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
    EntityManager em;
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
        return completeness(p, province, Instant.now());
    }

    /** The period's completeness as it stood at {@code known}: states and times from the submissions' transitions up to then. */
    @Transactional
    public Completeness completeness(Period p, String province, Instant known) {
        return tally(p, calendar.requireProvince(province), known);
    }

    /**
     * A province's completeness for the service's own use (its metrics, report/QuarterlyMetrics):
     * no caller's scope is checked, so never for a request.
     */
    @Transactional
    public Completeness tally(Period p, String prov, Instant known) {
        LocalDate deadline = calendar.deadline(p, prov);
        Instant due = deadline.plusDays(1).atStartOfDay(Clocks.VIETNAM).toInstant();
        boolean duePassed = known.isAfter(due);
        Map<String, Known> byUnit = known(p, prov, known).stream().collect(Collectors.toMap(Known::unit, Function.identity()));
        List<UnitStatus> units = new ArrayList<>();
        int reported = 0;
        int accepted = 0;
        int onTime = 0;
        for (String unit : calendar.expectedUnits(p, prov)) {
            Known s = byUnit.get(unit);
            boolean isReported = s != null && (s.state.equals("SUBMITTED") || s.state.equals("ACCEPTED"));
            boolean timely = isReported && s.submittedAt != null && !s.submittedAt.isAfter(due);
            boolean late = isReported ? !timely : duePassed;
            reported += isReported ? 1 : 0;
            accepted += s != null && s.state.equals("ACCEPTED") ? 1 : 0;
            onTime += timely ? 1 : 0;
            units.add(new UnitStatus(unit, reference.units(unit).stream().findFirst().map(u -> u.fullName).orElse(unit),
                    s == null ? "NOT_STARTED" : s.state, s == null ? null : s.id, isReported ? s.submittedAt : null,
                    s == null ? null : s.acceptedAt, timely, late));
        }
        int expected = units.size();
        return new Completeness(p.toString(), prov, deadline, expected, reported, accepted, onTime,
                rate(reported, expected), rate(onTime, expected), units);
    }

    /** A submission as known at an instant: its state then, its last submission and its acceptance by then. */
    private record Known(String unit, UUID id, String state, Instant submittedAt, Instant acceptedAt) {
    }

    private List<Known> known(Period p, String province, Instant known) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT s.unit_code, s.id, last.to_state,
                               (SELECT max(e.at) FROM submission_event e WHERE e.submission_id = s.id AND e.to_state = 'SUBMITTED' AND e.at <= :known),
                               (SELECT max(e.at) FROM submission_event e WHERE e.submission_id = s.id AND e.to_state = 'ACCEPTED' AND e.at <= :known)
                        FROM submission s
                        JOIN LATERAL (SELECT e.to_state FROM submission_event e WHERE e.submission_id = s.id AND e.at <= :known
                                      ORDER BY e.seq DESC LIMIT 1) last ON true
                        WHERE s.period = :period AND s.province_code = :province""")
                .setParameter("period", p.toString()).setParameter("province", province)
                .setParameter("known", Timestamp.from(known)).getResultList();
        return rows.stream().map(r -> new Known((String) r[0], (UUID) r[1], (String) r[2], instant(r[3]), instant(r[4]))).toList();
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i : ((Timestamp) value).toInstant();
    }

    private static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
