package vn.diaspora.registry.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import vn.diaspora.registry.common.ETags;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.record.RecordColumns;
import vn.diaspora.registry.quarterly.ItemTemplate;
import vn.diaspora.registry.quarterly.QuarterlyService;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemInput;
import vn.diaspora.registry.quarterly.QuarterlyViews.SubmissionView;
import vn.diaspora.registry.quarterly.RowCells;
import vn.diaspora.registry.quarterly.SubmissionItem;
import vn.diaspora.registry.record.RecordKind;
import vn.diaspora.registry.record.RecordService;
import vn.diaspora.registry.record.RecordServices;
import vn.diaspora.registry.record.RecordView;
import vn.diaspora.registry.record.VersionView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.UNIT_OFFICER;

/**
 * A record for officers: its fields as officials know them, its history, and a change of its
 * fields under the API's rules (the version read goes back as If-Match; a record changed
 * meanwhile is not overwritten, and the page says so).
 */
@Path(Portal.ROOT)
@RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER})
public class RecordPages {
    /** The kinds an officer reads and changes here. */
    static final List<RecordKind> KINDS = List.of(RecordKind.PERSON, RecordKind.ASSOCIATION, RecordKind.BUSINESS);

    /** A field of a record: its path in the data, the template's header for it, its value as text, and whether a text box can change it. */
    public record Field(String path, String label, String value, boolean editable) {
    }

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance record(RecordKind kind, String sheetName, UUID id, int version, List<Field> fields,
                                              Map<String, List<String>> choices, List<VersionView> history, boolean stale, boolean saved);
    }

    @Inject
    RecordServices services;
    @Inject
    ObjectMapper json;
    @Inject
    Pages pages;
    @Inject
    RowCells cells;
    @Inject
    Values values;
    @Inject
    UnitReports reports;
    @Inject
    QuarterlyService quarterly;

    @GET
    @Path("/record")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance record(@QueryParam("kind") String kind, @QueryParam("id") UUID id, @QueryParam("saved") String saved) {
        return page(kind(kind), id, false, saved != null);
    }

    private TemplateInstance page(RecordKind kind, UUID id, boolean stale, boolean saved) {
        if (id == null) {
            throw ProblemException.badParameter("id", "required");
        }
        RecordService<?, ?> records = services.of(kind);
        RecordView<?> view = records.get(id);
        JsonNode data = json.valueToTree(view.data());
        List<Field> fields = Values.inTemplateOrder(kind, ReviewRows.flat(data).entrySet(), Map.Entry::getKey).stream()
                .map(e -> new Field(e.getKey(), values.label(kind, e.getKey()), shown(kind, e.getKey(), e.getValue()), editable(data, e.getKey())))
                .toList();
        return pages.render(Templates.record(kind, values.sheet(kind), id, view.version(), fields, cells.choicesByPath(kind),
                records.history(id), stale, saved));
    }

    /** A field's value as the page shows it: a template column's as its cell (a choice of its dropdown), another as Values tells it. */
    private String shown(RecordKind kind, String path, String value) {
        RecordColumns.Column column = RecordColumns.column(kind, path);
        return column != null ? cells.cell(column, value) : values.shown(kind, path, value);
    }

    /** Changes the fields the officer changed (a merge patch with the version they read); a stale version shows the record as it is now. */
    @POST
    @Path("/record/{kind}/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Object change(@PathParam("kind") String kindName, @PathParam("id") UUID id, MultivaluedMap<String, String> form) {
        RecordKind kind = kind(kindName);
        RecordService<?, ?> records = services.of(kind);
        JsonNode current = json.valueToTree(records.get(id).data());
        ObjectNode patch = json.createObjectNode();
        Map<String, String> before = ReviewRows.flat(current);
        form.forEach((name, typed) -> {
            String path = name.substring(Math.min(2, name.length()));
            if (name.startsWith("f:") && before.containsKey(path) && editable(current, path) && !typed.isEmpty()
                    && !typed.get(0).strip().equals(shown(kind, path, before.get(path)))) {
                RecordColumns.Column column = RecordColumns.column(kind, path);
                String text = typed.get(0).strip();
                put(patch, current, path, column == null ? text : cells.value(column, text));
            }
        });
        String version = form.getFirst("version");
        try {
            records.patch(id, version != null && version.matches("\\d{1,9}") ? ETags.of(Integer.parseInt(version)) : null, patch);
        } catch (ProblemException e) {
            if (e.reason() == ProblemException.Reason.STALE) {
                return Response.status(412).type(MediaType.TEXT_HTML_TYPE).entity(page(kind, id, true, false)).build();
            }
            throw e;
        }
        return Portal.seeOther("/portal/record?kind=" + kind.collection() + "&id=" + id + "&saved=1");
    }

    /**
     * "Sửa trong báo cáo": the record becomes an UPDATE row of the unit's open report, filled with
     * the record as it is now and based on its version, and the row's editor opens; what the
     * officer changes there is what the report will change.
     */
    @POST
    @Path("/record/{kind}/{id}/to-report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(UNIT_OFFICER)
    public Response toReport(@PathParam("kind") String kindName, @PathParam("id") UUID id) {
        RecordKind kind = kind(kindName);
        RecordView<?> view = services.of(kind).get(id);
        SubmissionView report = reports.openForChanges();
        ItemTemplate.Prefilled row = new ItemTemplate.Prefilled(kind, id, view.version(), json.valueToTree(view.data()));
        quarterly.putItems(report.id(), List.of(new ItemInput(kind, row.rowKey(), SubmissionItem.Action.UPDATE, id, row.version(), row.data(), null)));
        return Portal.seeOther("/portal/row?id=" + report.id() + "&kind=" + kind + "&key=" + row.rowKey() + Portal.done(Portal.Done.ROW_ADDED));
    }

    /** Sets a dotted field in the patch with the type it has in the record: a number, a list (";"), text; empty removes it. */
    private void put(ObjectNode patch, JsonNode current, String path, String text) {
        String[] parts = path.split("\\.");
        ObjectNode target = patch;
        JsonNode was = current;
        for (int i = 0; i < parts.length - 1; i++) {
            target = target.has(parts[i]) ? (ObjectNode) target.get(parts[i]) : target.putObject(parts[i]);
            was = was.path(parts[i]);
        }
        String last = parts[parts.length - 1];
        JsonNode old = was.path(last);
        if (text.isEmpty()) {
            target.putNull(last);
        } else if (old.isNumber() && text.matches("-?\\d{1,15}(\\.\\d+)?")) {
            target.put(last, new java.math.BigDecimal(text));
        } else if (old.isArray()) {
            var list = target.putArray(last);
            for (String item : text.split(";")) {
                if (!item.isBlank()) {
                    list.add(item.strip());
                }
            }
        } else {
            target.put(last, text);
        }
    }

    /** A value, or a list of values: what one text box holds (lists of links, such as members, are changed through the API). */
    private static boolean editable(JsonNode data, String path) {
        JsonNode node = data;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode()) {
                    return false;
                }
            }
            return true;
        }
        return node.isValueNode() || node.isNull() || node.isMissingNode();
    }

    static RecordKind kind(String name) {
        return KINDS.stream().filter(k -> k.collection().equals(name) || k.name().equalsIgnoreCase(name == null ? "" : name)).findFirst()
                .orElseThrow(() -> ProblemException.badParameter("kind", "persons, associations or businesses"));
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    Response refused(ProblemException e) {
        return pages.error(e);
    }
}
