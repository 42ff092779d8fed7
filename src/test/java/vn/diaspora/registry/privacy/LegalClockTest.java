package vn.diaspora.registry.privacy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The legal clocks on fixed dates: 2 working days to acknowledge, 15 days to complete, once extendable by 15. */
class LegalClockTest {
    final LegalClock clock = new LegalClock(Set.of(LocalDate.of(2026, 9, 2))); // National Day

    @Test
    void aRequestOfAThursdayIsAcknowledgedByMonday() {
        assertEquals(LocalDate.of(2026, 11, 30), clock.acknowledgeBy(LocalDate.of(2026, 11, 26)));
    }

    @Test
    void aRequestOfAFridayIsAcknowledgedByTuesday() {
        assertEquals(LocalDate.of(2026, 12, 1), clock.acknowledgeBy(LocalDate.of(2026, 11, 27)));
    }

    @Test
    void publicHolidaysDoNotCount() {
        // Tuesday 1 September 2026: Wednesday the 2nd is National Day, so Thursday and Friday count
        assertEquals(LocalDate.of(2026, 9, 4), clock.acknowledgeBy(LocalDate.of(2026, 9, 1)));
    }

    @Test
    void completionIs15DaysAndOnce15More() {
        assertEquals(LocalDate.of(2026, 12, 12), clock.completeBy(LocalDate.of(2026, 11, 27), false));
        assertEquals(LocalDate.of(2026, 12, 27), clock.completeBy(LocalDate.of(2026, 11, 27), true));
    }
}
