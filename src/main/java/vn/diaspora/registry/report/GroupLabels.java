package vn.diaspora.registry.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.diaspora.registry.quarterly.CodeLists;
import vn.diaspora.registry.reference.ReferenceData;
import vn.diaspora.registry.report.StatisticsService.GroupBy;

import java.util.Map;
import java.util.stream.Collectors;

/** The Vietnamese name of a statistics group: a country, an administrative unit, a coded value ("INVESTMENT VND": "Đầu tư (VND)"). */
@ApplicationScoped
public class GroupLabels {
    @Inject
    EntityManager em;
    @Inject
    ReferenceData reference;

    private volatile Map<String, String> countries;

    public String label(GroupBy groupBy, String key) {
        if (key == null) {
            return null;
        }
        int space = key.indexOf(' ');
        String code = space < 0 ? key : key.substring(0, space);
        String name = switch (groupBy.codes) {
            case "country" -> countries().getOrDefault(code, code);
            case "hometown" -> reference.units(code).stream().findFirst().map(u -> u.fullName).orElse(code);
            default -> CodeLists.label(groupBy.codes, code);
        };
        return space < 0 ? name : name + " (" + key.substring(space + 1) + ")";
    }

    /** Country names never change while the service runs (reference data is migrated). */
    private Map<String, String> countries() {
        if (countries == null) {
            @SuppressWarnings("unchecked")
            java.util.List<Object[]> rows = em.createNativeQuery("SELECT code, name_vi FROM country").getResultList();
            countries = rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
        }
        return countries;
    }
}
