package vn.diaspora.registry.reference;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reference tables held in memory (a few hundred rows, changed only by migrations), so
 * that validating a write needs no extra query.
 */
@ApplicationScoped
public class ReferenceData {
    /** The provinces whose natives the registry records (their pre-2025 codes). */
    public static final Set<String> REGISTRY_PROVINCES = Set.of("24", "52");

    @Inject
    EntityManager em;

    private volatile Map<String, List<AdminUnit>> unitsByCode = Map.of();
    private volatile Map<String, List<String>> successors = Map.of();
    private volatile Set<String> countries = Set.of();

    @jakarta.transaction.Transactional
    void load(@Observes StartupEvent event) {
        unitsByCode = AdminUnit.<AdminUnit>listAll().stream()
                // current units first: a code reused by the reform means the new unit when written today
                .sorted(Comparator.comparing((AdminUnit u) -> !u.current()))
                .collect(Collectors.groupingBy(u -> u.code, Collectors.toUnmodifiableList()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT old_code, new_code FROM admin_unit_successor ORDER BY 1, 2").getResultList();
        successors = rows.stream().collect(Collectors.groupingBy(r -> (String) r[0],
                Collectors.mapping(r -> (String) r[1], Collectors.toUnmodifiableList())));
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("SELECT code FROM country").getResultList();
        countries = Set.copyOf(codes);
    }

    public boolean isCountry(String code) {
        return code != null && countries.contains(code);
    }

    /** A district or commune of Bắc Giang or Bình Định that existed at some time. */
    public boolean isHometown(String code) {
        return units(code).stream().anyMatch(u -> u.territory != null && !"PROVINCE".equals(u.level));
    }

    /** A district before the reform, or a commune after it, of the registry's provinces. */
    public boolean isReportingUnit(String code) {
        return units(code).stream().anyMatch(u -> u.territory != null
                && ("DISTRICT".equals(u.level) || ("COMMUNE".equals(u.level) && u.current())));
    }

    /** The registry province (24 or 52) whose territory holds the unit, or null. */
    public String territoryOf(String code) {
        return units(code).stream().map(u -> u.territory).filter(t -> t != null).findFirst().orElse(null);
    }

    /** The unit that reports natives of a hometown: its district before the reform, itself after. */
    public String reportingUnitFor(String hometown) {
        for (AdminUnit u : units(hometown)) {
            if (u.territory == null) {
                continue;
            }
            if ("DISTRICT".equals(u.level) || ("COMMUNE".equals(u.level) && u.current())) {
                return u.code;
            }
            if ("COMMUNE".equals(u.level)) {
                return u.parentCode;
            }
        }
        return null;
    }

    public List<AdminUnit> units(String code) {
        return code == null ? List.of() : unitsByCode.getOrDefault(code, List.of());
    }

    /** The communes of today (after the 2025 reform) whose area lay in {@code area}, e.g. those that took over a dissolved district. */
    @SuppressWarnings("unchecked")
    public List<AdminUnit> currentCommunesIn(String area) {
        return em.createNativeQuery("""
                        SELECT u.* FROM admin_unit u JOIN admin_unit_area a ON a.unit_code = u.code
                        WHERE a.area_code = ?1 AND u.level = 'COMMUNE' AND u.valid_to IS NULL AND u.valid_from IS NOT NULL
                        ORDER BY u.code""", AdminUnit.class)
                .setParameter(1, area).getResultList();
    }

    public List<String> successors(String code) {
        return successors.getOrDefault(code, List.of());
    }
}
