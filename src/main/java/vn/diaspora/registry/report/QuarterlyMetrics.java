package vn.diaspora.registry.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.diaspora.registry.common.Clocks;
import vn.diaspora.registry.quarterly.Period;
import vn.diaspora.registry.reference.ReferenceData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The quarterly cycle as metrics, for the dashboard and the alert on late units
 * (deploy/monitoring): for the quarter being reported (the last one ended), the submissions of each
 * province by state, and its units late (not submitted by the deadline, once it has passed).
 * Counted once a minute on every replica (each shows the same figures).
 */
@ApplicationScoped
public class QuarterlyMetrics {
    private static final List<String> STATES = List.of("NOT_STARTED", "DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED");

    @Inject
    CompletenessService completeness;
    @Inject
    EntityManager em;

    private final MultiGauge units;
    private final MultiGauge late;

    @Inject
    QuarterlyMetrics(MeterRegistry metrics) {
        units = MultiGauge.builder("registry.quarterly.units").description("Reporting units of the quarter being reported, by the state of their submission").register(metrics);
        late = MultiGauge.builder("registry.quarterly.units.late").description("Units that had not submitted by the deadline of the quarter being reported").register(metrics);
    }

    /** The last quarter that has ended: the one units are reporting, or were due to. */
    static Period reported(LocalDate today) {
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        return quarter == 1 ? new Period(today.getYear() - 1, 4) : new Period(today.getYear(), quarter - 1);
    }

    @Scheduled(every = "60s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void count() {
        Period period = reported(LocalDate.now(Clocks.VIETNAM));
        List<MultiGauge.Row<?>> unitRows = new ArrayList<>();
        List<MultiGauge.Row<?>> lateRows = new ArrayList<>();
        for (String province : ReferenceData.REGISTRY_PROVINCES) {
            CompletenessService.Completeness c = completeness.tally(period, province, java.time.Instant.now());
            Tags tags = Tags.of("province", province, "period", period.toString());
            for (String state : STATES) {
                long inState = c.units().stream().filter(u -> u.state().equals(state)).count();
                unitRows.add(MultiGauge.Row.of(tags.and("state", state), () -> inState));
            }
            long lateUnits = c.units().stream().filter(CompletenessService.UnitStatus::late).count();
            // a supplier: the gauge holds it strongly (a boxed count it would hold weakly, and lose)
            lateRows.add(MultiGauge.Row.of(tags, () -> lateUnits));
        }
        units.register(unitRows, true);
        late.register(lateRows, true);
    }
}
