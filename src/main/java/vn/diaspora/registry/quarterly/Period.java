package vn.diaspora.registry.quarterly;

import vn.diaspora.registry.common.ProblemException;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting quarter, written YYYY-Qn (e.g. 2026-Q3). */
public record Period(int year, int quarter) {
    /** From the year 1000: a year of three digits written with a leading zero is a typing slip, and the quarters before it would not be quarters. */
    private static final Pattern FORMAT = Pattern.compile("([1-9]\\d{3})-Q([1-4])");

    public static Period parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw ProblemException.badParameter("period", "must be a quarter written YYYY-Qn, e.g. 2026-Q3");
        }
        return new Period(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public LocalDate start() {
        return LocalDate.of(year, quarter * 3 - 2, 1);
    }

    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    /** Last day of timely submission: {@code days} after the quarter ends. */
    public LocalDate deadline(int days) {
        return end().plusDays(days);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
