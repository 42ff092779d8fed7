package vn.diaspora.registry.quarterly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.diaspora.registry.common.Problem.FieldError;
import vn.diaspora.registry.common.ProblemException;
import vn.diaspora.registry.quarterly.QuarterlyViews.PeriodView;
import vn.diaspora.registry.reference.AdminUnit;
import vn.diaspora.registry.reference.ReferenceData;
import vn.diaspora.registry.security.Caller;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The reporting calendar: periods (YYYY-Qn), each province's deadline (days after a quarter),
 * and the units expected to report in a period — configured by the registry admin, else the
 * districts in force before the 2025 reform and the communes of the former territory after it.
 */
@ApplicationScoped
public class ReportingCalendar {
    static final int DEFAULT_DEADLINE_DAYS = 15;

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    ReferenceData reference;

    public PeriodView period(Period p, String province) {
        String prov = requireProvince(province);
        List<String> configured = configuredUnits(p, prov);
        return new PeriodView(p.toString(), p.start(), p.end(), prov, deadline(p, prov),
                configured.isEmpty() ? derivedUnits(p, prov) : configured, !configured.isEmpty());
    }

    @Transactional
    public PeriodView setUnits(Period p, String province, List<String> units) {
        String prov = requireProvince(province);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            String u = units.get(i);
            if (u == null || !reference.isReportingUnit(u) || !prov.equals(reference.territoryOf(u))) {
                errors.add(new FieldError("[" + i + "]", "'" + u + "' is not a reporting unit of province " + prov));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        em.createNativeQuery("DELETE FROM period_unit WHERE period = ?1 AND province_code = ?2")
                .setParameter(1, p.toString()).setParameter(2, prov).executeUpdate();
        for (String u : units.stream().distinct().toList()) {
            em.createNativeQuery("INSERT INTO period_unit (period, province_code, unit_code) VALUES (?1, ?2, ?3)")
                    .setParameter(1, p.toString()).setParameter(2, prov).setParameter(3, u).executeUpdate();
        }
        return period(p, prov);
    }

    /** The units expected to report in the period. */
    public List<String> expectedUnits(Period p, String province) {
        List<String> configured = configuredUnits(p, province);
        return configured.isEmpty() ? derivedUnits(p, province) : configured;
    }

    @SuppressWarnings("unchecked")
    private List<String> configuredUnits(Period p, String province) {
        return em.createNativeQuery("SELECT unit_code FROM period_unit WHERE period = ?1 AND province_code = ?2 ORDER BY unit_code")
                .setParameter(1, p.toString()).setParameter(2, province).getResultList();
    }

    /** Districts in force during the quarter before the 2025 reform; the communes of the former territory after it. */
    private List<String> derivedUnits(Period p, String province) {
        return AdminUnit.<AdminUnit>list("territory = ?1 AND ((level = 'DISTRICT') OR (level = 'COMMUNE' AND validFrom IS NOT NULL)) "
                        + "AND (validFrom IS NULL OR validFrom <= ?2) AND (validTo IS NULL OR validTo >= ?3) ORDER BY code",
                province, p.end(), p.start()).stream().map(u -> u.code).distinct().toList();
    }

    @Transactional
    public QuarterlyViews.Deadline setDeadline(String province, int days) {
        if (!ReferenceData.REGISTRY_PROVINCES.contains(province)) {
            throw ProblemException.notFound("Province " + province);
        }
        if (days < 0 || days > 365) {
            throw ProblemException.invalid("daysAfterQuarter", "must be 0 to 365");
        }
        em.createNativeQuery("""
                        INSERT INTO province_deadline (province_code, days_after_quarter) VALUES (?1, ?2)
                        ON CONFLICT (province_code) DO UPDATE SET days_after_quarter = excluded.days_after_quarter""")
                .setParameter(1, province).setParameter(2, days).executeUpdate();
        return new QuarterlyViews.Deadline(province, days);
    }

    /** The last day of timely submission for the period in the province. */
    public LocalDate deadline(Period p, String province) {
        List<?> rows = em.createNativeQuery("SELECT days_after_quarter FROM province_deadline WHERE province_code = ?1")
                .setParameter(1, province).getResultList();
        return p.deadline(rows.isEmpty() ? DEFAULT_DEADLINE_DAYS : ((Number) rows.get(0)).intValue());
    }

    /** The province asked for, or the caller's own; 403 for a province the caller does not reach. */
    public String requireProvince(String province) {
        String p = province != null ? province : caller.officer().province();
        if (p == null || !ReferenceData.REGISTRY_PROVINCES.contains(p)) {
            throw ProblemException.badParameter("province", "must be 24 (Bắc Giang) or 52 (Bình Định)");
        }
        if (!caller.officer().touches(p)) {
            throw ProblemException.forbidden("Your scope does not reach province " + p);
        }
        return p;
    }
}
