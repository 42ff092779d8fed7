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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import vn.diaspora.registry.common.Clocks;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.quarterly.Period;
import vn.diaspora.registry.quarterly.QuarterlyService;
import vn.diaspora.registry.quarterly.QuarterlyViews.RowComment;
import vn.diaspora.registry.quarterly.QuarterlyViews.SubmissionView;
import vn.diaspora.registry.quarterly.CheckedFindings;
import vn.diaspora.registry.quarterly.QuarterlyViews.CheckedPage;
import vn.diaspora.registry.common.ErrorCode;
import vn.diaspora.registry.quarterly.QuarterlyViews.RowActions;
import vn.diaspora.registry.quarterly.QuarterlyViews.RowPerson;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.report.CompletenessService;
import vn.diaspora.registry.report.CompletenessService.Completeness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;

/**
 * The province officer's reporting pages: who has reported in a period (with the last eight
 * quarters' rates), and the review of a submission, each row's changes against the current
 * record, accepted or returned with a comment per row. Every action is the API's service.
 */
@Path(Portal.ROOT)
@RolesAllowed(PROVINCE_OFFICER)
public class ProvincePages {
    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance completeness(Completeness completeness, List<Completeness> trend, List<String> periods);

        static native TemplateInstance review(SubmissionView submission, String unitName, CheckedPage report, ReviewRows.Rows rows,
                                              boolean duplicatesOnly, String code, Map<ErrorCode, Long> codes, RowActions actions);
    }

    static final int TREND = 8;

    @Inject
    CompletenessService completeness;
    @Inject
    QuarterlyService quarterly;
    @Inject
    ReviewRows reviewRows;
    @Inject
    vn.diaspora.registry.quarterly.CodeLists codes;
    @Inject
    Pages pages;

    @GET
    @Path("/province")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance completeness(@QueryParam("period") String period) {
        List<Period> recent = UnitReports.recentPeriods(LocalDate.now(Clocks.VIETNAM), TREND + 4);
        Period p = period == null || period.isBlank() ? recent.get(1) : Period.parse(period);  // by default the quarter last reported
        List<Completeness> trend = new ArrayList<>();
        for (Period q : UnitReports.recentPeriods(p.end(), TREND)) {
            trend.add(0, completeness.completeness(q, null));  // oldest first
        }
        return pages.render(Templates.completeness(trend.get(trend.size() - 1), trend, recent.stream().map(Period::toString).toList()));
    }

    @GET
    @Path("/review")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance review(@QueryParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("only") String only,
                                   @QueryParam("code") String code) {
        if (id == null) {
            throw ProblemException.badParameter("id", "required");
        }
        SubmissionView s = quarterly.get(id);
        CheckedPage report = s.itemCount() > 0 ? quarterly.lastCheck(id, CheckedFindings.Shown.PROBLEMS, 0, 0) : null;
        boolean duplicates = "duplicates".equals(only);
        ErrorCode filter = duplicates ? ErrorCode.LIKELY_DUPLICATE : code == null || code.isBlank() ? null : Params.enumValue("code", code, ErrorCode.class);
        return pages.render(Templates.review(s, codes.unitName(s.unitCode()), report, reviewRows.of(s, cursor, filter), duplicates,
                filter == null ? null : filter.name(), report == null ? Map.of() : quarterly.findingCodes(id), quarterly.rowsByAction(id)));
    }

    /** The rows the reviewer selected are not the persons they looked like: decided together, all or none. */
    @POST
    @Path("/review/{id}/not-duplicates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response notDuplicates(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        Portal.requireDecision("not-duplicate", form.getFirst("decision"));
        quarterly.notDuplicates(id, pairs(form));
        return Portal.seeOther("/portal/review?id=" + id + "&only=duplicates" + Portal.done(Portal.Done.NOT_DUPLICATE));
    }

    /** The rows the reviewer selected are the registered persons they looked like: each becomes a change of that person, all or none. */
    @POST
    @Path("/review/{id}/update-existing")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateExisting(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        Portal.requireDecision("update-existing", form.getFirst("decision"));
        quarterly.updateExisting(id, pairs(form));
        return Portal.seeOther("/portal/review?id=" + id + "&only=duplicates" + Portal.done(Portal.Done.UPDATE_EXISTING));
    }

    /** The ticked boxes: each a row (kind and key) and the registered person it may be. */
    private static List<RowPerson> pairs(MultivaluedMap<String, String> form) {
        List<RowPerson> pairs = new ArrayList<>();
        for (String pair : form.getOrDefault("nd", List.of())) {
            int first = pair.indexOf('|');
            int last = pair.lastIndexOf('|');
            if (first < 0 || last <= first) {
                throw ProblemException.badParameter("nd", "a row and a person of the review");
            }
            try {
                pairs.add(new RowPerson(Params.enumValue("kind", pair.substring(0, first), RecordKind.class), pair.substring(first + 1, last),
                        UUID.fromString(pair.substring(last + 1))));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badParameter("nd", "a row and a person of the review");
            }
        }
        return pairs;
    }

    @POST
    @Path("/review/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        Portal.requireDecision("accept", form.getFirst("decision"));
        quarterly.accept(id, rowComments(form, false));
        return Portal.seeOther("/portal/review?id=" + id + Portal.done(Portal.Done.ACCEPTED));
    }

    @POST
    @Path("/review/{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response returnToUnit(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        Portal.requireDecision("return", form.getFirst("decision"));
        String comment = form.getFirst("comment");
        if (comment == null || comment.isBlank()) {
            throw ProblemException.invalid(List.of(new vn.diaspora.registry.common.Problem.FieldError("comment", "required",
                    vn.diaspora.registry.common.ErrorCode.REQUIRED)));
        }
        quarterly.returnToUnit(id, comment.strip(), rowComments(form, false));
        return Portal.seeOther("/portal/review?id=" + id + Portal.done(Portal.Done.RETURNED));
    }

    /**
     * The row comments typed on this page of the review, kept until the decision: the reviewer
     * goes on to the page {@code cursor} names (the same filter), or stays where the form was.
     */
    @POST
    @Path("/review/{id}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draftComments(@PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("only") String only,
                                  @QueryParam("code") String code, MultivaluedMap<String, String> form) {
        Portal.requireDecision("comments", form.getFirst("decision"));
        quarterly.draftComments(id, rowComments(form, true));
        String filter = "duplicates".equals(only) ? "&only=duplicates"
                : code == null || code.isBlank() ? "" : "&code=" + Params.enumValue("code", code, ErrorCode.class).name();
        String page = cursor == null || cursor.isBlank() ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
        return Portal.seeOther("/portal/review?id=" + id + filter + page + Portal.done(Portal.Done.COMMENTS_SAVED));
    }

    /** The form's row comments: a field "row:KIND:rowKey" per row, kept when written in (and when blank too, with {@code blanks}). */
    static List<RowComment> rowComments(MultivaluedMap<String, String> form, boolean blanks) {
        List<RowComment> comments = new ArrayList<>();
        form.forEach((name, values) -> {
            String[] parts = name.split(":", 3);
            String text = values.isEmpty() ? null : values.get(0);
            if (text != null && text.length() > vn.diaspora.registry.common.Limits.REASON) {
                throw ProblemException.badParameter(name, "at most " + vn.diaspora.registry.common.Limits.REASON + " characters");
            }
            if (parts.length == 3 && parts[0].equals("row") && text != null && (blanks || !text.isBlank())) {
                comments.add(new RowComment(Params.enumValue("kind", parts[1], RecordKind.class), parts[2], text.strip()));
            }
        });
        return comments;
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response refused(ProblemException e) {
        return pages.error(e);
    }
}
