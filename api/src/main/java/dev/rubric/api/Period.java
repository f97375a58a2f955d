package dev.rubric.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The assessment period (考核周期) a subject is scored for: the engine inserts one into every session, in both
 * phases, so a rule counts only what falls in it ({@code Period( $s : start, $e : end )} and
 * {@code Violation( date >= $s, date <= $e )}).
 *
 * @param id    the period's name, such as {@code 2026} or {@code 2026-Q3}; null for the unbounded period
 * @param start the first day of the period, inclusive; never null
 * @param end   the last day of the period, inclusive; never null, not before {@code start}
 */
public record Period(String id, LocalDate start, LocalDate end) {

    private static final Period UNBOUNDED = new Period(null, LocalDate.MIN, LocalDate.MAX);
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    /** The forms {@link #parse} accepts, as a person is told them. */
    public static final String FORMS = "a year (2026), a quarter (2026-Q3), a half-year (2026-H1) or a range of days (2026-01-01..2026-12-31)";

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a period cannot end [" + end + "] before it starts [" + start + "]");
        }
    }

    /** The calendar year {@code year}, named by it ({@code 2026}). */
    public static Period year(int year) {
        return new Period(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Quarter {@code quarter} (1 to 4) of {@code year}, named {@code 2026-Q3}. */
    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1, 2, 3 or 4, not [" + quarter + "]");
        }
        LocalDate start = LocalDate.of(year, 3 * quarter - 2, 1);
        return new Period(year + "-Q" + quarter, start, start.plusMonths(3).minusDays(1));
    }

    /** Half {@code half} (1 or 2) of {@code year}, named {@code 2026-H1}. */
    public static Period half(int year, int half) {
        if (half < 1 || half > 2) {
            throw new IllegalArgumentException("a half-year is 1 or 2, not [" + half + "]");
        }
        LocalDate start = LocalDate.of(year, 6 * half - 5, 1);
        return new Period(year + "-H" + half, start, start.plusMonths(6).minusDays(1));
    }

    /**
     * Reads a period as {@code ./rubric evaluate --period} takes it: {@code 2026}, {@code 2026-Q3}, {@code 2026-H1} or
     * {@code 2026-01-01..2026-12-31} (both days included; the text is its id).
     *
     * @param text the period; never null
     * @throws IllegalArgumentException naming the text and the accepted forms when it is none of them
     */
    public static Period parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        Matcher m;
        if ((m = YEAR.matcher(t)).matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        if ((m = QUARTER.matcher(t)).matches()) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = HALF.matcher(t)).matches()) {
            return half(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = RANGE.matcher(t)).matches()) {
            LocalDate start;
            LocalDate end;
            try {
                start = LocalDate.parse(m.group(1));
                end = LocalDate.parse(m.group(2));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("period [" + text + "] has a day that does not exist (" + e.getParsedString()
                        + "); give " + FORMS);
            }
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("period [" + text + "] ends before it starts; give the first day, then the last");
            }
            return new Period(t, start, end);
        }
        throw new IllegalArgumentException("period [" + text + "] is not one of the accepted forms; give " + FORMS);
    }

    /** The period used when none is named: every day, with no id. */
    public static Period unbounded() {
        return UNBOUNDED;
    }

    /** Whether this is the period used when none is named. */
    public boolean isUnbounded() {
        return id == null && start.equals(LocalDate.MIN) && end.equals(LocalDate.MAX);
    }

    /** Whether {@code date} falls in the period, both ends included; false for null. */
    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(start) && !date.isAfter(end);
    }
}
