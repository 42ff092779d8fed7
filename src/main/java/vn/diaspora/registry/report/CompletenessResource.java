package vn.diaspora.registry.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.quarterly.Period;
import vn.diaspora.registry.report.CompletenessService.Completeness;

import static vn.diaspora.registry.security.Roles.PROVINCE_OFFICER;
import static vn.diaspora.registry.security.Roles.REGISTRY_ADMIN;

@Path("/api/v1/periods/{period}/completeness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quarterly cycle")
public class CompletenessResource {
    @Inject
    CompletenessService completeness;

    @GET
    @RolesAllowed({PROVINCE_OFFICER, REGISTRY_ADMIN})
    @Operation(summary = "Who has reported: every expected unit with its state and timeliness, and the province's rates")
    public Completeness completeness(@Size(max = Limits.PERIOD) @PathParam("period") String period,
                                     @Size(max = Limits.CODE) @QueryParam("province") String province) {
        return completeness.completeness(Period.parse(period), province);
    }
}
