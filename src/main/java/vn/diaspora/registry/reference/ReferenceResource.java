package vn.diaspora.registry.reference;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.diaspora.registry.common.Cursor;
import vn.diaspora.registry.common.Limits;
import vn.diaspora.registry.common.Page;
import vn.diaspora.registry.common.Params;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.common.Where;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Reference data: administrative units (before and after the 2025 reform) and countries. Any signed-in caller may read it. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class ReferenceResource {
    private static final Set<String> LEVELS = Set.of("PROVINCE", "DISTRICT", "COMMUNE");

    @Schema(name = "AdminUnit")
    public record AdminUnitView(
            @Schema(example = "07210", maxLength = Limits.CODE) String code,
            @Schema(example = "Bắc Giang", maxLength = 100) String name,
            @Schema(example = "Phường", maxLength = 50) String type,
            @Schema(example = "Phường Bắc Giang", maxLength = 200) String fullName,
            @Schema(enumeration = {"PROVINCE", "DISTRICT", "COMMUNE"}) String level,
            @Schema(maxLength = Limits.CODE) String parentCode,
            @Schema(maxLength = Limits.CODE) String provinceCode,
            @Schema(description = "Registry province (24 Bắc Giang, 52 Bình Định) whose former territory holds the unit", maxLength = Limits.CODE) String territory,
            @Schema(description = "Absent: in force before the data's cut-off") LocalDate validFrom,
            @Schema(description = "Absent: still in force") LocalDate validTo,
            @Schema(description = "Units this one was merged into on 1 July 2025", maxItems = 50) List<@Size(max = Limits.CODE) String> successors) {
    }

    @Schema(name = "Country")
    public record CountryView(@Schema(example = "JP", maxLength = 2) String code, @Schema(example = "Japan", maxLength = 100) String nameEn,
                              @Schema(example = "Nhật Bản", maxLength = 100) String nameVi) {
    }

    @jakarta.inject.Inject
    ReferenceData reference;

    @GET
    @Path("/admin-units")
    @Operation(summary = "List administrative units", description = "Units of Bắc Giang (24) and Bình Định (52) before 1 July 2025, "
            + "the 34 provinces and the communes of Bắc Ninh and Gia Lai after it, with the old→new mapping.")
    public Page<AdminUnitView> adminUnits(
            @Parameter(description = "Province code, e.g. 24") @Size(max = Limits.CODE) @QueryParam("province") String province,
            @Parameter(description = "PROVINCE, DISTRICT or COMMUNE") @Schema(enumeration = {"PROVINCE", "DISTRICT", "COMMUNE"}) @QueryParam("level") String level,
            @Parameter(description = "Only units in force on this date (YYYY-MM-DD)") @Size(max = Limits.DATE) @QueryParam("date") String date,
            @Parameter(description = "Parent unit code") @Size(max = Limits.CODE) @QueryParam("parent") String parent,
            @Parameter(description = "Code or exact code to look up") @Size(max = Limits.CODE) @QueryParam("code") String code,
            @BeanParam Params.Paging paging) {
        int n = Page.limit(paging.limit);
        if (level != null) {
            level = level.strip().toUpperCase(java.util.Locale.ROOT);
            if (!LEVELS.contains(level)) {
                throw ProblemException.badParameter("level", "must be one of PROVINCE, DISTRICT, COMMUNE");
            }
        }
        Integer after = Cursor.after(paging.cursor, Integer::valueOf);
        java.time.LocalDate on = Params.date("date", date);
        Where where = new Where()
                .and("id > ?", after == null ? 0 : after)
                .andIf(province, "provinceCode = ?")
                .andIf(level, "level = ?")
                .andIf(on, "(validFrom IS NULL OR validFrom <= ?) AND (validTo IS NULL OR validTo >= ?)")
                .andIf(parent, "parentCode = ?")
                .andIf(code, "code = ?");
        // range() is inclusive: one row more than the page tells whether there is a next page
        List<AdminUnit> rows = AdminUnit.<AdminUnit>find("FROM AdminUnit" + Where.number(where.conditions()) + " ORDER BY id",
                where.params().toArray()).range(0, n).list();
        return Page.of(rows, n, u -> u.id).map(u -> new AdminUnitView(u.code, u.name, u.unitType, u.fullName, u.level,
                u.parentCode, u.provinceCode, u.territory, u.validFrom, u.validTo, u.current() ? List.of() : reference.successors(u.code)));
    }

    @GET
    @Path("/countries")
    @Operation(summary = "List countries (ISO 3166-1 alpha-2) with English and Vietnamese names")
    @APIResponse(responseCode = "200", description = "The 249 countries, in one page like every list (nextCursor is absent)")
    @SuppressWarnings("unchecked")
    public Page<CountryView> countries() {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT code, name_en, name_vi FROM country ORDER BY code").getResultList();
        return new Page<>(rows.stream().map(r -> new CountryView((String) r[0], (String) r[1], (String) r[2])).toList(), null);
    }
}
