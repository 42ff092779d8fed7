package vn.diaspora.registry.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.diaspora.registry.common.Clocks;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.quarterly.Period;
import vn.diaspora.registry.quarterly.ReportingCalendar;
import vn.diaspora.registry.report.StatisticsService.GroupBy;
import vn.diaspora.registry.report.StatisticsService.Row;
import vn.diaspora.registry.report.YearlyIndicators.Title;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The province's yearly report to the Ministry: the configured indicators (YearlyIndicators) over
 * the calendar year, and the completeness of each quarter's reporting, all as known at one
 * instant, so that the report once sent can be produced again with the same figures.
 */
@ApplicationScoped
public class YearlyReportService {
    @Inject
    StatisticsService statistics;
    @Inject
    CompletenessService completeness;
    @Inject
    ReportingCalendar calendar;
    @Inject
    YearlyIndicators indicators;

    @Schema(name = "YearlyIndicator")
    public record IndicatorFigures(@Schema(maxLength = 20) String code, Title title, GroupBy groupBy,
                                   @Schema(description = "What the report shows of each group: count, added, updated, removed, amount", maxItems = 5)
                                   List<@jakarta.validation.constraints.Size(max = 10) String> columns,
                                   @Schema(maxItems = 2000) List<Row> rows) {
    }

    @Schema(name = "QuarterCompleteness")
    public record QuarterCompleteness(@Schema(maxLength = Limits.PERIOD) String period, LocalDate deadline, int expectedUnits,
                                      int reported, int accepted, int onTime,
                                      @Schema(example = "0.75") BigDecimal reportedRate, @Schema(example = "0.5") BigDecimal onTimeRate) {
    }

    @Schema(name = "YearlyReport", description = "The same year, province and asKnownAt always give the same figures")
    public record YearlyReport(int year, @Schema(maxLength = Limits.CODE) String province,
                               @Schema(description = "The instant the figures are as known at: send it back to reproduce this report") Instant asKnownAt,
                               @Schema(maxItems = 50) List<IndicatorFigures> indicators,
                               @Schema(description = "Reporting completeness of each quarter of the year", maxItems = 4) List<QuarterCompleteness> completeness) {
    }

    @Transactional
    public YearlyReport report(int year, String province, Instant asKnownAt) {
        Instant known = asKnownAt == null ? Instant.now() : vn.diaspora.registry.common.Params.past("asKnownAt", asKnownAt);
        int thisYear = LocalDate.now(Clocks.VIETNAM).getYear();
        if (year > thisYear) {
            throw ProblemException.badParameter("year", "must not be later than " + thisYear);
        }
        String prov = calendar.requireProvince(province);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate until = from.plusYears(1);
        statistics.requireVersionsKept(from, until, "year", known);
        List<IndicatorFigures> figures = indicators.all().stream()
                .map(i -> new IndicatorFigures(i.code(), i.title(), i.groupBy(), i.columns(),
                        statistics.rows(from, until, prov, i.groupBy(), known)))
                .toList();
        List<QuarterCompleteness> quarters = java.util.stream.IntStream.rangeClosed(1, 4)
                .mapToObj(q -> completeness.completeness(new Period(year, q), prov, known))
                .map(c -> new QuarterCompleteness(c.period(), c.deadline(), c.expectedUnits(), c.reported(), c.accepted(), c.onTime(),
                        c.reportedRate(), c.onTimeRate()))
                .toList();
        return new YearlyReport(year, prov, known, figures, quarters);
    }
}
