package vn.diaspora.registry.privacy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * The clocks of a data subject's request (Decree 356/2025): acknowledged within 2 working days
 * of receipt, completed within 15 days of receipt, extendable once by 15 days. Working days are
 * Monday to Friday less the public holidays configured (Tết moves with the lunar calendar, so
 * the list is data: registry.privacy.holidays).
 */
final class LegalClock {
    static final int ACKNOWLEDGE_WORKING_DAYS = 2;
    static final int COMPLETE_DAYS = 15;
    static final int EXTENSION_DAYS = 15;

    private final Set<LocalDate> holidays;

    LegalClock(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    LocalDate acknowledgeBy(LocalDate received) {
        LocalDate day = received;
        for (int left = ACKNOWLEDGE_WORKING_DAYS; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    LocalDate completeBy(LocalDate received, boolean extended) {
        return received.plusDays(COMPLETE_DAYS + (extended ? EXTENSION_DAYS : 0));
    }

    boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }
}
