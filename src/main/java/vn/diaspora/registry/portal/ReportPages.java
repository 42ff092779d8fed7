package vn.diaspora.registry.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.diaspora.registry.common.Clocks;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.SpreadsheetText;
import vn.diaspora.registry.quarterly.Period;
import vn.diaspora.registry.report.StatisticsService;
import vn.diaspora.registry.report.StatisticsService.GroupBy;
import vn.diaspora.registry.report.StatisticsService.Statistics;
import vn.diaspora.registry.report.YearlyReportXlsx;
import vn.diaspora.registry.report.YearlyReportService;
import vn.diaspora.registry.report.YearlyReportService.YearlyReport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;

/** The province officer's figures: statistics of a period (charts, their tables, CSV) and the yearly report (page and XLSX). */
@Path(Portal.ROOT)
@RolesAllowed(PROVINCE_OFFICER)
public class ReportPages {
    /** The charts of the statistics page, in order. */
    static final List<GroupBy> CHARTS = List.of(GroupBy.COUNTRY, GroupBy.CATEGORY, GroupBy.RESIDENCE_STATUS,
            GroupBy.ASSOCIATION_COUNTRY, GroupBy.BUSINESS_COUNTRY, GroupBy.CONTRIBUTION_KIND);

    /** A chart: the statistics, and a bar (percent of the largest) for each of its first groups. */
    public record Chart(Statistics statistics, List<Bar> bars) {
        static final int BARS = 12;

        static Chart of(Statistics s) {
            long largest = s.rows().stream().mapToLong(StatisticsService.Row::count).max().orElse(1);
            return new Chart(s, s.rows().stream().limit(BARS)
                    .map(r -> new Bar(r.label() != null ? r.label() : r.key(), r.count(), (int) Math.round(100.0 * r.count() / Math.max(1, largest))))
                    .toList());
        }
    }

    public record Bar(String label, long count, int percent) {
    }

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance statistics(String period, List<String> periods, List<Chart> charts);

        static native TemplateInstance yearly(int year, List<Integer> years, String asKnownAt, YearlyReport report);
    }

    @Inject
    StatisticsService statistics;
    @Inject
    YearlyReportService yearly;
    @Inject
    Pages pages;

    @GET
    @Path("/province/statistics")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance statistics(@QueryParam("period") String period) {
        List<Period> recent = UnitReports.recentPeriods(LocalDate.now(Clocks.VIETNAM), 8);
        Period p = period == null || period.isBlank() ? recent.get(1) : Period.parse(period);  // by default the last finished quarter
        List<Chart> charts = CHARTS.stream().map(by -> Chart.of(statistics.statistics(p, null, by, null))).toList();
        return pages.render(Templates.statistics(p.toString(), recent.stream().map(Period::toString).toList(), charts));
    }

    @GET
    @Path("/province/statistics.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response statisticsCsv(@QueryParam("period") String period, @QueryParam("groupBy") String groupBy) {
        if (period == null || groupBy == null) {
            throw ProblemException.badParameter(period == null ? "period" : "groupBy", "required");
        }
        Statistics s = statistics.statistics(Period.parse(period), null, Params.enumValue("groupBy", groupBy, GroupBy.class), null);
        String csv = "\ufeffMã;Tên;Số lượng cuối kỳ;Tăng trong kỳ;Cập nhật trong kỳ;Giảm trong kỳ;Tổng giá trị\r\n" + s.rows().stream()
                .map(r -> String.join(";", cell(r.key()), cell(r.label()), String.valueOf(r.count()), String.valueOf(r.added()),
                        String.valueOf(r.updated()), String.valueOf(r.removed()), r.amount() == null ? "" : r.amount().toPlainString()))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        return Response.ok(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"thong-ke-" + s.period() + "-" + s.groupBy().name().toLowerCase() + ".csv\"").build();
    }

    /** A CSV cell as Excel reads it: quoted when needed, never a formula. */
    private static String cell(String text) {
        String s = SpreadsheetText.neutralise(text == null ? "" : text);
        return s.contains(";") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @GET
    @Path("/province/yearly")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance yearly(@QueryParam("year") String year, @QueryParam("asKnownAt") String asKnownAt) {
        int thisYear = LocalDate.now(Clocks.VIETNAM).getYear();
        int y = year == null || year.isBlank() ? thisYear - 1 : Params.year("year", year);
        YearlyReport report = yearly.report(y, null, known(asKnownAt));
        List<Integer> years = java.util.stream.IntStream.rangeClosed(thisYear - 9, thisYear).boxed().sorted(java.util.Comparator.reverseOrder()).toList();
        return pages.render(Templates.yearly(y, years, asKnownAt == null ? "" : asKnownAt, report));
    }

    @GET
    @Path("/province/yearly.xlsx")
    @Produces(SpreadsheetText.XLSX)
    public Response yearlyXlsx(@QueryParam("year") String year, @QueryParam("asKnownAt") String asKnownAt) {
        return YearlyReportXlsx.download(yearly.report(Params.year("year", year), null, known(asKnownAt)));
    }

    /** The form's date and time (Vietnam's, as an officer types it), or an ISO instant. */
    private static Instant known(String asKnownAt) {
        if (asKnownAt == null || asKnownAt.isBlank()) {
            return null;
        }
        try {  // an ISO instant of the typed time, so that one range rule holds
            return Params.instant("asKnownAt", LocalDateTime.parse(asKnownAt).atZone(Clocks.VIETNAM).toOffsetDateTime().toString());
        } catch (java.time.DateTimeException e) {
            return Params.instant("asKnownAt", asKnownAt);
        }
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response refused(ProblemException e) {
        return pages.error(e);
    }
}
