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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.record.RecordColumns;
import vn.diaspora.registry.quarterly.QuarterlyService;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemView;
import vn.diaspora.registry.quarterly.QuarterlyViews.RowReport;
import vn.diaspora.registry.quarterly.RowCells;
import vn.diaspora.registry.quarterly.UploadGate;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordServices;
import vn.diaspora.registry.record.RecordView;
import vn.diaspora.registry.security.Caller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static vn.diaspora.registry.security.Roles.UNIT_OFFICER;

/**
 * One row of a unit's report: mend it in place (its cells go back through the file rules, as a
 * one-line file), and decide on a likely duplicate with both records side by side: not the same
 * person, or the row updates the existing record.
 */
@Path(Portal.ROOT)
@RolesAllowed(UNIT_OFFICER)
public class RowPages {
    /** An existing person a row may duplicate: each field of the row beside the person's. */
    public record Duplicate(UUID id, int version, List<ReviewRows.Change> fields) {
    }

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance row(UUID submission, ItemView row, String sheetName, Map<String, String> cells,
                                           Map<String, List<String>> choices, List<RowReport> findings, List<Duplicate> duplicates,
                                           List<FieldError> refused);
    }

    @Inject
    QuarterlyService quarterly;
    @Inject
    RowCells rowCells;
    @Inject
    UploadGate uploads;
    @Inject
    Caller caller;
    @Inject
    RecordServices services;
    @Inject
    ObjectMapper json;
    @Inject
    Refusals refusals;
    @Inject
    ReviewRows reviewRows;
    @Inject
    Values values;
    @Inject
    Pages pages;

    @GET
    @Path("/row")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance row(@QueryParam("id") UUID id, @QueryParam("kind") String kind, @QueryParam("key") String key,
                                @QueryParam("refused") String refused) {
        Refusals.Refusal refusal = id == null ? null : refusals.find(refused, id);
        return page(id, Params.enumValue("kind", kind, RecordKind.class), key, refusal == null ? null : refusal.cells(),
                refusal == null ? List.of() : refusal.errors());
    }

    private TemplateInstance page(UUID id, RecordKind kind, String key, Map<String, String> cells, List<FieldError> refused) {
        if (id == null || kind == null || key == null) {
            throw ProblemException.badParameter("id", "id, kind and key are required");
        }
        ItemView row = quarterly.item(id, kind, key);
        List<RowReport> findings = quarterly.validateRow(id, kind, key).findings().stream().filter(f -> !f.level().equals("OK")).toList();
        List<Duplicate> duplicates = new ArrayList<>();
        for (RowReport f : findings) {
            if (f.personId() != null) {
                RecordView<?> person = services.of(RecordKind.PERSON).get(f.personId());
                duplicates.add(new Duplicate(person.id(), person.version(), reviewRows.sideBySide(kind, json.valueToTree(person.data()), row.data())));
            }
        }
        return pages.render(Templates.row(id, row, values.sheet(kind), cells != null ? cells : rowCells.of(row),
                rowCells.choices(kind), findings, duplicates, refused));
    }

    /** The mended cells, read by the file rules; problems show on the row's page, nothing stored. */
    @POST
    @Path("/submissions/{id}/row")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response mend(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        RecordKind kind = Params.enumValue("kind", form.getFirst("kind"), RecordKind.class);
        String key = form.getFirst("key");
        ItemView row = quarterly.item(id, kind, key);
        Map<String, String> cells = new LinkedHashMap<>();
        for (String header : rowCells.headers(kind)) {
            String value = form.getFirst("c:" + header);
            cells.put(header, value == null ? "" : value.strip());
        }
        cells.put(rowCells.headers(kind).get(0), row.rowKey());  // the row key is the row's identity: not changed here
        try {
            store(id, kind, key, cells);
        } catch (ProblemException e) {
            if (e.reason() != ProblemException.Reason.INVALID && e.reason() != ProblemException.Reason.MALFORMED) {
                throw e;
            }
            UUID refusal = refusals.keep(id, new Refusals.Refusal(e.errors(), cells));
            return Portal.seeOther("/portal/row?id=" + id + "&kind=" + kind + "&key=" + Portal.urlEncode(key) + "&refused=" + refusal);
        }
        return Portal.seeOther(UnitPages.pageOf(id) + Portal.done(Portal.Done.ROW_SAVED));
    }

    @POST
    @Path("/submissions/{id}/not-duplicate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response notDuplicate(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        quarterly.notDuplicate(id, Params.enumValue("kind", form.getFirst("kind"), RecordKind.class), form.getFirst("key"), person(form));
        return Portal.seeOther(UnitPages.pageOf(id) + Portal.done(Portal.Done.NOT_DUPLICATE));
    }

    /** The row becomes a change of the existing person (its fields over the person's), based on the version shown. */
    @POST
    @Path("/submissions/{id}/update-existing")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateExisting(@PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        RecordKind kind = Params.enumValue("kind", form.getFirst("kind"), RecordKind.class);
        Map<String, String> cells = rowCells.of(quarterly.item(id, kind, form.getFirst("key")));
        List<String> headers = rowCells.headers(kind);
        cells.put(headers.get(1), "Sửa");
        cells.put(headers.get(2), person(form).toString());
        cells.put(headers.get(3), digits(form.getFirst("version")));
        store(id, kind, form.getFirst("key"), cells);
        return Portal.seeOther(UnitPages.pageOf(id) + Portal.done(Portal.Done.UPDATE_EXISTING));
    }

    private void store(UUID id, RecordKind kind, String key, Map<String, String> cells) {
        uploads.run(caller.subject(), () -> quarterly.mend(id, kind, key, rowCells.csv(cells)));
    }

    private static String digits(String value) {
        if (value == null || !value.matches("\\d{1,9}")) {
            throw ProblemException.badParameter("version", "the version of the record shown");
        }
        return value;
    }

    private static UUID person(MultivaluedMap<String, String> form) {
        try {
            return UUID.fromString(form.getFirst("person"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badParameter("person", "the id of the existing person");
        }
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response refused(ProblemException e) {
        return pages.error(e);
    }
}
