package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import org.jboss.resteasy.reactive.RestResponse;
import vn.diaspora.registry.idempotency.Idempotency;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.SpreadsheetText;
import vn.diaspora.registry.common.Validation;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemInput;
import vn.diaspora.registry.quarterly.QuarterlyViews.ItemView;
import vn.diaspora.registry.quarterly.QuarterlyViews.PeriodView;
import vn.diaspora.registry.quarterly.QuarterlyViews.ReturnRequest;
import vn.diaspora.registry.quarterly.QuarterlyViews.SubmissionView;
import vn.diaspora.registry.quarterly.QuarterlyViews.ValidationReport;
import vn.diaspora.registry.quarterly.Submission.State;
import vn.diaspora.registry.record.RecordKind;

import java.util.List;
import java.util.UUID;

import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;
import static vn.diaspora.registry.security.Roles.UNIT_OFFICER;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quarterly cycle", description = "Units submit their quarter's changes; the province reviews, accepts or returns them")
public class QuarterlyResource {
    @Inject
    QuarterlyService quarterly;
    @Inject
    ItemTemplate template;
    @Inject
    Idempotency idempotency;
    @Inject
    UploadGate uploads;
    @Inject
    ReportingCalendar calendar;
    @Inject
    Validation validation;
    @Inject
    Caller caller;
    @Context
    UriInfo uri;

    @GET
    @Path("/periods/{period}")
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "A period: its dates, deadline and the units expected to report")
    public PeriodView period(@Size(max = Limits.PERIOD) @PathParam("period") String period,
                             @Parameter(description = "24 or 52; a province officer's own by default") @Size(max = Limits.CODE) @QueryParam("province") String province) {
        return calendar.period(Period.parse(period), province);
    }

    @PUT
    @Path("/periods/{period}/units")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(REGISTRY_ADMIN)
    @Operation(summary = "Set the units expected to report in a period (registry-admin)")
    public PeriodView setUnits(@Size(max = Limits.PERIOD) @PathParam("period") String period, @Size(max = Limits.CODE) @QueryParam("province") String province,
                               @Size(max = Limits.UNITS) List<@Size(max = Limits.CODE) String> units) {
        if (units == null) {
            throw ProblemException.missingBody();
        }
        return calendar.setUnits(Period.parse(period), province, units);
    }

    @POST
    @Path("/periods/{period}/submissions")
    @RolesAllowed(UNIT_OFFICER)
    @Operation(summary = "Open the caller's unit's submission for the period (a DRAFT)")
    @APIResponse(responseCode = "201", description = "Opened")
    @APIResponse(responseCode = "409", description = "The unit already has a submission for the period")
    public RestResponse<SubmissionView> open(@Size(max = Limits.PERIOD) @PathParam("period") String period,
                                             @Size(max = Limits.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Period p = Period.parse(period);
        return idempotency.post(idempotencyKey, uri.getPath(), p.toString(), () -> created(quarterly.open(p)),
                id -> created(quarterly.get(id)));
    }

    private RestResponse<SubmissionView> created(SubmissionView s) {
        return ResponseBuilder.<SubmissionView>created(uri.getBaseUriBuilder().path("api/v1/submissions").path(s.id().toString()).build())
                .entity(s).build();
    }

    @GET
    @Path("/periods/{period}/submissions")
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "The period's submissions in the caller's scope, by state")
    public Page<SubmissionView> submissions(@Size(max = Limits.PERIOD) @PathParam("period") String period,
                                            @Parameter(description = "DRAFT, SUBMITTED, ACCEPTED or RETURNED") @Schema(implementation = State.class, type = SchemaType.STRING) @QueryParam("state") String state,
                                            @Size(max = Limits.CODE) @QueryParam("province") String province) {
        return new Page<>(quarterly.list(Period.parse(period), Params.enumValue("state", state, State.class), province), null);
    }

    @GET
    @Path("/submissions/{id}")
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "A submission")
    public SubmissionView submission(@PathParam("id") UUID id) {
        return quarterly.get(id);
    }

    @GET
    @Path("/submissions/{id}/events")
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "Every transition of a submission, oldest first: who, when, the reviewer's comment")
    public Page<QuarterlyViews.Event> events(@PathParam("id") UUID id) {
        return new Page<>(quarterly.events(id), null);
    }

    @PUT
    @Path("/provinces/{province}/deadline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(REGISTRY_ADMIN)
    @Operation(summary = "Set a province's deadline: days after the end of a quarter (default 15)")
    public QuarterlyViews.Deadline setDeadline(@Size(max = Limits.CODE) @PathParam("province") String province, QuarterlyViews.Deadline deadline) {
        if (deadline == null || deadline.daysAfterQuarter() == null) {
            throw ProblemException.invalid("daysAfterQuarter", "required");
        }
        return calendar.setDeadline(province, deadline.daysAfterQuarter());
    }

    @GET
    @Path("/submissions/{id}/items")
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "The rows of a submission, in order, a page at a time (a submission may hold 100,000)")
    public Page<ItemView> items(@PathParam("id") UUID id, @BeanParam Params.Paging paging) {
        return quarterly.items(id, paging);
    }

    @PUT
    @Path("/submissions/{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(UNIT_OFFICER)
    @Operation(summary = "Add rows, or replace the rows with the same kind and row key (a re-upload updates, never duplicates)")
    @APIResponse(responseCode = "200", description = "Stored: how many rows were sent and stored, and the rows the submission now holds")
    public QuarterlyViews.UploadSummary putItems(@PathParam("id") UUID id, @Size(max = QuarterlyViews.ROWS_PER_PUT) List<ItemInput> items) {
        return quarterly.putItems(id, items);
    }

    @POST
    @Path("/submissions/{id}/items/upload")
    @Consumes({"text/csv", SpreadsheetText.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(UNIT_OFFICER)
    @Operation(summary = "Upload rows from the template filled in Excel (SpreadsheetText.XLSX, or CSV of one kind)",
            description = "The file is the request body, streamed. Rows replace rows with the same kind and row key. "
                    + "Any bad row (unknown column, formula, missing row key or action, repeated row key) refuses the whole file, "
                    + "naming sheet, row and column; CSV must be UTF-8 (with or without BOM), comma or semicolon separated. "
                    + "One upload at a time per officer, and a few in the whole service: more are answered 429 with Retry-After.")
    @APIResponse(responseCode = "200", description = "Every row of the file stored: how many, and the rows the submission now holds")
    @APIResponse(responseCode = "422", description = "The file was not stored; errors name each problem")
    @APIResponse(responseCode = "413", description = "The file is larger than 16 MiB, or a workbook that unpacks to more than 256 MiB")
    public QuarterlyViews.UploadSummary upload(@PathParam("id") UUID id,
                                               @Parameter(description = "Record kind of a CSV file (PERSON by default); an XLSX workbook names it per sheet")
                                               @Schema(implementation = RecordKind.class, type = SchemaType.STRING) @QueryParam("kind") String kind,
                                               java.io.InputStream body) {
        RecordKind csvKind = Params.enumValue("kind", kind, RecordKind.class);
        return uploads.run(caller.subject(), () -> quarterly.upload(id, body, csvKind));
    }

    @GET
    @Path("/templates/submission.xlsx")
    @Produces(SpreadsheetText.XLSX)
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "The upload template: a sheet per record kind with Vietnamese headers, and the reference codes")
    public jakarta.ws.rs.core.Response templateXlsx() {
        jakarta.ws.rs.core.StreamingOutput out = template::xlsx;
        return jakarta.ws.rs.core.Response.ok(out, SpreadsheetText.XLSX)
                .header("Content-Disposition", "attachment; filename=\"submission-template.xlsx\"").build();
    }

    @GET
    @Path("/templates/submission-{kind}.csv")
    @Produces("text/csv; charset=UTF-8")
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "The CSV template of one record kind (person, association, business, contribution)")
    public jakarta.ws.rs.core.Response templateCsv(@Schema(enumeration = {"person", "association", "business", "contribution"}) @PathParam("kind") String kind) {
        RecordKind k = Params.enumValue("kind", kind, RecordKind.class);
        if (k == null) {
            throw ProblemException.badParameter("kind", "person, association, business or contribution");
        }
        jakarta.ws.rs.core.StreamingOutput out = o -> template.csv(k, o);
        return jakarta.ws.rs.core.Response.ok(out, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + ItemTemplate.fileName(k) + "\"").build();
    }

    @DELETE
    @Path("/submissions/{id}/items/{kind}/{rowKey}")
    @RolesAllowed(UNIT_OFFICER)
    @Operation(summary = "Remove a row")
    @APIResponse(responseCode = "204", description = "Removed")
    public void deleteItem(@PathParam("id") UUID id, @Schema(implementation = RecordKind.class, type = SchemaType.STRING) @PathParam("kind") String kind, @Size(max = Limits.ROW_KEY) @PathParam("rowKey") String rowKey) {
        quarterly.deleteItem(id, Params.enumValue("kind", kind, RecordKind.class), rowKey);
    }

    @POST
    @Path("/submissions/{id}/validate")
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "Dry run: a finding per row (OK, warning or error, in Vietnamese and English); nothing is written")
    public ValidationReport validate(@PathParam("id") UUID id) {
        return quarterly.validate(id);
    }

    @POST
    @Path("/submissions/{id}/items/{kind}/{rowKey}/not-duplicate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({UNIT_OFFICER, PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "Decide that a person row is not the same person as a likely duplicate the dry run named",
            description = "By the unit while it edits the submission, or by the province while it reviews it; a likely duplicate in another "
                    + "province (LIKELY_DUPLICATE_ELSEWHERE to the province) by the registry admin, who may read both. Remembered for the pair "
                    + "(also when the row is uploaded again). Accept is refused while a likely duplicate is undecided. Answers the row's findings anew (the rest of the dry run is unchanged by the decision).")
    public ValidationReport notDuplicate(@PathParam("id") UUID id, @Schema(implementation = RecordKind.class, type = SchemaType.STRING) @PathParam("kind") String kind,
                                         @Size(max = Limits.ROW_KEY) @PathParam("rowKey") String rowKey, QuarterlyViews.NotDuplicate decision) {
        if (decision == null) {
            throw ProblemException.missingBody();
        }
        return quarterly.notDuplicate(id, Params.enumValue("kind", kind, RecordKind.class), rowKey, validation.valid(decision).personId());
    }

    @POST
    @Path("/submissions/{id}/submit")
    @RolesAllowed(UNIT_OFFICER)
    @Operation(summary = "Submit a draft or returned submission for review",
            description = "Refused (409, naming each row) while the dry run finds errors. A submission without rows is sent only with "
                    + "noChanges=true: the unit declares that nothing changed this quarter, which counts as reported.")
    @APIResponse(responseCode = "409", description = "Rows with errors, each named by its kind, row key and field; no rows without "
            + "noChanges=true (NO_ROWS); or not a draft")
    @APIResponse(responseCode = "200", description = "Submitted: the submission awaits review")
    public SubmissionView submit(@PathParam("id") UUID id,
                                 @Parameter(description = "Declare a quarter without changes: only for a submission without rows")
                                 @QueryParam("noChanges") @DefaultValue("false") boolean noChanges) {
        return quarterly.submit(id, noChanges);
    }

    @POST
    @Path("/submissions/{id}/accept")
    @RolesAllowed(PROVINCE_OFFICER)
    // the body is optional, and an accept without one (curl -X POST, a form's button) may carry any Content-Type or none
    @Consumes(MediaType.WILDCARD)
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QuarterlyViews.AcceptRequest.class)))
    @Operation(summary = "Accept: apply every row in one transaction, or none (409 lists the rows in error, or the likely duplicates nobody decided on)",
            description = "The body is optional: a comment per row, kept with this review.")
    @APIResponse(responseCode = "200", description = "Accepted: every row applied")
    @APIResponse(responseCode = "409", description = "Rows in error or in conflict; nothing was applied")
    public RestResponse<SubmissionView> accept(@PathParam("id") UUID id, @Size(max = Limits.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                               String body) {
        List<QuarterlyViews.RowComment> comments = body == null || body.isBlank() ? null
                : validation.parse(body, QuarterlyViews.AcceptRequest.class).rows();
        return idempotency.post(idempotencyKey, uri.getPath(), id.toString(),
                () -> RestResponse.ok(quarterly.accept(id, comments)), submission -> RestResponse.ok(quarterly.get(submission)));
    }

    @POST
    @Path("/submissions/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PROVINCE_OFFICER)
    @Operation(summary = "Return a submission to its unit with the reviewer's comment")
    public SubmissionView returnToUnit(@PathParam("id") UUID id, ReturnRequest request) {
        if (request == null || request.comment() == null || request.comment().isBlank()) {
            throw vn.diaspora.registry.common.ProblemException.invalid("comment", "required: what the unit must fix");
        }
        return quarterly.returnToUnit(id, request.comment().strip(), validation.valid(request).rows());
    }
}
