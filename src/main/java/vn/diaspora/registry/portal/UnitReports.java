package vn.diaspora.registry.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.diaspora.registry.common.Clocks;
import vn.diaspora.registry.quarterly.Period;
import vn.diaspora.registry.quarterly.QuarterlyService;
import vn.diaspora.registry.quarterly.QuarterlyViews.SubmissionView;
import vn.diaspora.registry.quarterly.Submission.State;
import vn.diaspora.registry.security.Caller;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A unit officer's reports: the one of a quarter, and the one a change of a record goes into. */
@ApplicationScoped
class UnitReports {
    @Inject
    QuarterlyService quarterly;
    @Inject
    Caller caller;

    /** The quarter under way and the ones before it, newest first. */
    static List<Period> recentPeriods(LocalDate today, int n) {
        List<Period> periods = new ArrayList<>();
        int index = today.getYear() * 4 + (today.getMonthValue() - 1) / 3;
        for (int i = 0; i < n; i++, index--) {
            periods.add(new Period(index / 4, index % 4 + 1));
        }
        return periods;
    }

    /** The officer's unit's submission for the period, or null. */
    SubmissionView own(Period p) {
        return quarterly.list(p, null, null).stream().filter(v -> v.unitCode().equals(caller.unit())).findFirst().orElse(null);
    }

    /**
     * The report a change goes into: the newest draft or returned report of the quarters the unit
     * sees, else the report of the quarter under way, opened now (refused where the unit does not
     * report that quarter, as the periods page says).
     */
    SubmissionView openForChanges() {
        List<Period> periods = recentPeriods(LocalDate.now(Clocks.VIETNAM), UnitPages.PERIODS_SHOWN);
        for (Period p : periods) {
            SubmissionView s = own(p);
            if (s != null && (s.state() == State.DRAFT || s.state() == State.RETURNED)) {
                return s;
            }
        }
        SubmissionView current = own(periods.get(0));
        return current != null ? current : quarterly.open(periods.get(0));
    }
}
