package vn.diaspora.registry.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.diaspora.registry.common.Clocks;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.SpreadsheetText;
import vn.diaspora.registry.quarterly.ItemTemplate;
import vn.diaspora.registry.quarterly.Period;
import vn.diaspora.registry.quarterly.QuarterlyService;
import vn.diaspora.registry.quarterly.QuarterlyViews.Event;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemView;
import vn.diaspora.registry.quarterly.QuarterlyViews.RowReport;
import vn.diaspora.registry.quarterly.QuarterlyViews.SubmissionView;
import vn.diaspora.registry.quarterly.QuarterlyViews.CheckedPage;
import vn.diaspora.registry.quarterly.CheckedFindings.Shown;
import vn.diaspora.registry.quarterly.ReportingCalendar;
import vn.diaspora.registry.quarterly.Submission.State;
import vn.diaspora.registry.quarterly.UploadGate;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.security.Caller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static vn.diaspora.registry.security.Roles.UNIT_OFFICER;

/**
 * The unit officer's pages: the unit's periods, and a quarter's report (template, upload, the
 * dry-run findings per row, submit, the reviewer's comments). Every action is the API's service.
 */
@Path(Portal.ROOT)
@RolesAllowed(UNIT_OFFICER)
public class UnitPages {
    /** A period of the unit: its deadline, its submission if any, and whether it is late. */
    public record PeriodRow(String period, LocalDate deadline, SubmissionView submission, boolean late) {
        public String state() {
            return submission == null ? "NOT_STARTED" : submission.state().name();
        }
    }

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance periods(String unit, List<PeriodRow> periods);

        static native TemplateInstance submission(SubmissionView submission, String unitName, CheckedPage report, String shown, int page,
                                                  boolean editable, List<Event> reviews, List<ItemView> commented,
                                                  Map<Integer, String> comments, List<FieldError> refused);
    }

    static final int PERIODS_SHOWN = 8;

    @Inject
    QuarterlyService quarterly;
    @Inject
    ReportingCalendar calendar;
    @Inject
    ItemTemplate template;
    @Inject
    UploadGate uploads;
    @Inject
    Caller caller;
    @Inject
    Refusals refusals;
    @Inject
    UnitReports reports;
    @Inject
    vn.diaspora.registry.quarterly.CodeLists codes;
    @Inject
    Pages pages;

    @GET
    @Path("/unit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance periods() {
        String unit = caller.unit();
        String province = caller.officer().province();
        LocalDate today = LocalDate.now(Clocks.VIETNAM);
        List<PeriodRow> rows = new ArrayList<>();
        for (Period p : UnitReports.recentPeriods(today, PERIODS_SHOWN)) {
            if (!calendar.expectedUnits(p, province).contains(unit)) {
                continue;  // not this unit's to report (a district after the 2025 reform): no button that can only fail
            }
            SubmissionView s = reports.own(p);
            LocalDate deadline = calendar.deadline(p, province);
            boolean submitted = s != null && s.submittedAt() != null && (s.state() == State.SUBMITTED || s.state() == State.ACCEPTED);
            boolean late = submitted ? s.submittedAt().atZone(Clocks.VIETNAM).toLocalDate().isAfter(deadline) : today.isAfter(deadline);
            rows.add(new PeriodRow(p.toString(), deadline, s, late));
        }
        return pages.render(Templates.periods(codes.unitName(unit), rows));
    }

    @POST
    @Path("/unit/periods/{period}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("period") String period) {
        Period p = Period.parse(period);
        SubmissionView existing = reports.own(p);
        return Portal.seeOther(pageOf(existing != null ? existing.id() : quarterly.open(p).id()));
    }

    /** A report's page. */
    @GET
    @Path("/submission")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance submission(@QueryParam("id") UUID id, @QueryParam("only") String only, @QueryParam("page") String page,
                                       @QueryParam("refused") String refused) {
        if (id == null) {
            throw ProblemException.badParameter("id", "required");
        }
        Refusals.Refusal refusal = refusals.find(refused, id);
        Shown shown = "errors".equals(only) ? Shown.ERRORS : "ok".equals(only) ? Shown.OK : Shown.PROBLEMS;
        int n = page == null || !page.matches("\\d{1,4}") ? 0 : Integer.parseInt(page);
        return page(id, shown, n, refusal == null ? List.of() : refusal.errors());
    }

    /** Findings listed on one page of a report (errors first); the OK rows on request. */
    static final int FINDINGS_PAGE = 200;

    static String pageOf(UUID id) {
        return "/portal/submission?id=" + id;
    }

    private TemplateInstance page(UUID id, Shown shown, int page, List<FieldError> refused) {
        SubmissionView s = quarterly.get(id);
        boolean editable = s.state() == State.DRAFT || s.state() == State.RETURNED;
        CheckedPage report = s.itemCount() > 0 ? quarterly.lastCheck(id, shown, page * FINDINGS_PAGE, FINDINGS_PAGE) : null;
        List<Event> reviews = quarterly.events(id).stream().filter(e -> e.comment() != null).toList();
        List<ItemView> commented = quarterly.commentedRows(id);
        Map<Integer, String> comments = new HashMap<>();
        commented.forEach(row -> comments.put(row.position(), row.reviewComment()));
        return pages.render(Templates.submission(s, codes.unitName(s.unitCode()), report, shown.name(), page, editable, reviews, commented,
                comments, refused));
    }

    /** "Kiểm tra lại": the rows checked again against the registry as it is now. */
    @POST
    @Path("/submissions/{id}/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@PathParam("id") UUID id) {
        quarterly.recheck(id);
        return Portal.seeOther(pageOf(id) + Portal.done(Portal.Done.CHECKED));
    }

    @POST
    @Path("/submissions/{id}/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@PathParam("id") UUID id, @RestForm("file") FileUpload file, @RestForm String kind) {
        if (file == null || file.size() == 0) {
            return refused(id, List.of(new FieldError("file", "the file is empty", ErrorCode.EMPTY_FILE)));
        }
        RecordKind csvKind = Params.enumValue("kind", kind == null || kind.isBlank() ? null : kind, RecordKind.class);
        try (InputStream body = Files.newInputStream(file.uploadedFile())) {
            uploads.run(caller.subject(), () -> quarterly.upload(id, body, csvKind));
        } catch (ProblemException e) {
            if (e.reason() != ProblemException.Reason.INVALID && e.reason() != ProblemException.Reason.MALFORMED) {
                throw e;
            }
            return refused(id, e.errors().isEmpty() ? List.of(new FieldError("file", e.getMessage(), null)) : e.errors());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Portal.seeOther(pageOf(id) + Portal.done(Portal.Done.UPLOADED));
    }

    /** Back to the report's page, which shows why the file was refused (also on a reload). */
    private Response refused(UUID id, List<FieldError> errors) {
        return Portal.seeOther(pageOf(id) + "&refused=" + refusals.keep(id, new Refusals.Refusal(errors, Map.of())));
    }

    @POST
    @Path("/submissions/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") UUID id, @RestForm String decision, @RestForm boolean noChanges) {
        Portal.requireDecision("submit", decision);
        quarterly.submit(id, noChanges);
        return Portal.seeOther(pageOf(id) + Portal.done(Portal.Done.SUBMITTED));
    }

    @GET
    @Path("/submissions/{id}/findings.xlsx")
    @Produces(SpreadsheetText.XLSX)
    public Response findingsXlsx(@PathParam("id") UUID id) {
        SubmissionView s = quarterly.get(id);
        List<RowReport> findings = s.itemCount() > 0 ? quarterly.lastCheck(id, Shown.PROBLEMS, 0, FindingsXlsx.MAX_LINES).findings() : List.of();
        List<ItemView> commented = quarterly.commentedRows(id);
        jakarta.ws.rs.core.StreamingOutput out = o -> FindingsXlsx.write(findings, commented, o);
        return Response.ok(out, SpreadsheetText.XLSX)
                .header("Content-Disposition", "attachment; filename=\"ket-qua-kiem-tra-" + s.period() + "-" + s.unitCode() + ".xlsx\"").build();
    }

    @GET
    @Path("/template.xlsx")
    @Produces(SpreadsheetText.XLSX)
    public Response templateXlsx() {
        jakarta.ws.rs.core.StreamingOutput out = template::xlsx;
        return Response.ok(out, SpreadsheetText.XLSX).header("Content-Disposition", "attachment; filename=\"submission-template.xlsx\"").build();
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response refused(ProblemException e) {
        return pages.error(e);
    }
}
