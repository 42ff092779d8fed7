package vn.diaspora.registry.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import vn.diaspora.registry.association.AssociationService;
import vn.diaspora.registry.business.BusinessService;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Where;
import vn.diaspora.registry.person.PersonData.Status;
import vn.diaspora.registry.person.PersonService;
import vn.diaspora.registry.common.SpreadsheetText;
import vn.diaspora.registry.quarterly.CodeLists;
import vn.diaspora.registry.quarterly.ItemTemplate;
import vn.diaspora.registry.security.Caller;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordServices;
import vn.diaspora.registry.record.RecordView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.UNIT_OFFICER;

/**
 * The records an officer keeps: a page at a time, filtered by kind, country and status (a unit
 * officer sees its unit's, the Department its province's), and the same name search as the API
 * (typos and missing diacritics forgiven). The name search is posted, so that names never stand in
 * a URL, a log or the browser's history; the list's filters are codes and may.
 */
@Path(Portal.ROOT)
@RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER})
public class RecordListPages {
    static final int PAGE = 50;

    /** A record of the list: its id, version, name, who or where it is, and its status, as officials read them. */
    public record Found(UUID id, int version, String name, String born, String hometown, String country, String status) {
    }

    /** The list's filters: codes, and each as its dropdown choice for the form. */
    public record Filters(RecordKind kind, String country, String status, String countryShown, String statusShown) {
    }

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance records(List<RecordKind> kinds, Filters filters, List<String> countries, List<String> statuses,
                                               String q, List<Found> found, String next);
    }

    @Inject
    RecordServices services;
    @Inject
    CodeLists codes;
    @Inject
    Values values;
    @Inject
    ObjectMapper json;
    @Inject
    Pages pages;
    @Inject
    ItemTemplate template;
    @Inject
    Caller caller;

    @GET
    @Path("/records")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("kind") String kind, @QueryParam("country") String country, @QueryParam("status") String status,
                                 @QueryParam("cursor") String cursor) {
        Filters filters = filters(kind, country, status);
        Params.Paging paging = new Params.Paging();
        paging.limit = String.valueOf(PAGE);
        paging.cursor = cursor;
        Page<? extends RecordView<?>> page = services.of(filters.kind()).list(null, paging, where(filters));
        String next = page.nextCursor() == null ? null : "/portal/records?kind=" + filters.kind().collection()
                + (filters.country() == null ? "" : "&country=" + filters.country()) + (filters.status() == null ? "" : "&status=" + filters.status())
                + "&cursor=" + Portal.urlEncode(page.nextCursor());
        return render(filters, "", page.items().stream().map(v -> found(filters.kind(), v)).toList(), next);
    }

    @POST
    @Path("/records")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance search(MultivaluedMap<String, String> form) {
        Filters filters = filters(form.getFirst("kind"), form.getFirst("country"), form.getFirst("status"));
        String q = form.getFirst("q") == null ? "" : form.getFirst("q").strip();
        Params.Paging paging = new Params.Paging();
        paging.limit = String.valueOf(PAGE);
        List<Found> found = services.of(filters.kind()).list(q.isEmpty() ? null : q, paging, where(filters)).items().stream()
                .map(v -> found(filters.kind(), v)).toList();
        return render(filters, q, found, null);
    }

    /** "Tải danh sách để cập nhật": the template filled in with the unit's persons, associations and businesses (an audited export). */
    @GET
    @Path("/records/update-list.xlsx")
    @Produces(SpreadsheetText.XLSX)
    @RolesAllowed(UNIT_OFFICER)
    public Response updateList() {
        List<ItemTemplate.Prefilled> records = new ArrayList<>();
        for (RecordKind kind : RecordPages.KINDS) {
            services.of(kind).export(null, new Where(), page -> page.forEach(v ->
                    records.add(new ItemTemplate.Prefilled(kind, v.id(), v.version(), json.valueToTree(v.data())))));
        }
        StreamingOutput out = o -> template.xlsx(o, records);
        return Response.ok(out, SpreadsheetText.XLSX)
                .header("Content-Disposition", "attachment; filename=\"cap-nhat-don-vi-" + caller.unit() + ".xlsx\"").build();
    }

    private TemplateInstance render(Filters filters, String q, List<Found> found, String next) {
        return pages.render(Templates.records(RecordPages.KINDS, filters, codes.choices("country"), codes.choices("status"), q, found, next));
    }

    /** The form's filters, read as the template's cells are: a country as its code, its name or its dropdown choice. */
    private Filters filters(String kind, String country, String status) {
        RecordKind k = kind == null || kind.isBlank() ? RecordKind.PERSON : RecordPages.kind(kind);
        String c = country == null || country.isBlank() ? null : codes.code("country", country.strip());
        if (c != null && !c.matches("[A-Z]{2}")) {
            throw ProblemException.badParameter("country", "a country of the list");
        }
        String s = status == null || status.isBlank() || k != RecordKind.PERSON ? null : codes.code("status", status.strip());
        Status st = s == null ? null : Params.enumValue("status", s, Status.class);
        return new Filters(k, c, st == null ? null : st.name(), c == null ? "" : codes.shown("country", c), st == null ? "" : codes.shown("status", st.name()));
    }

    private static Where where(Filters f) {
        return switch (f.kind()) {
            case PERSON -> new PersonService.Filter(f.country(), null, null, f.status() == null ? null : Status.valueOf(f.status()), null).query();
            case ASSOCIATION -> new AssociationService.Filter(f.country(), null, null, null).query();
            case BUSINESS -> new BusinessService.Filter(f.country(), null, null, null).query();
            case CONTRIBUTION -> throw ProblemException.badParameter("kind", "persons, associations or businesses");
        };
    }

    private Found found(RecordKind kind, RecordView<?> view) {
        Map<String, String> data = ReviewRows.flat(json.valueToTree(view.data()));
        String name = data.getOrDefault("fullName", data.getOrDefault("name", ""));
        String born = data.get("birthYear") != null ? data.get("birthYear")
                : data.get("birthDate") != null && data.get("birthDate").length() >= 4 ? data.get("birthDate").substring(0, 4) : "";
        return new Found(view.id(), view.version(), name, born, values.shown(kind, "hometownCode", data.getOrDefault("hometownCode", "")),
                values.shown(kind, "country", data.getOrDefault("country", "")), values.shown(kind, "status", data.getOrDefault("status", "")));
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response refused(ProblemException e) {
        return pages.error(e);
    }
}
