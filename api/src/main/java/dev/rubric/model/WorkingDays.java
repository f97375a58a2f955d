package dev.rubric.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The official working-day calendar of mainland China (工作日历): weekends, public holidays and the make-up working
 * days (调休上班) the State Council announces each year, for time limits promised in working days (限时办结).
 *
 * <p>Each year's days come from the resource {@code dev/rubric/model/calendar/<year>.txt}, read once when the class
 * is first used and never again, so rule code may call it freely. A line is {@code rest <day>[..<day>] <note>} (a
 * holiday, including a weekday given as 调休放假) or {@code work <day> <note>} (a weekend day worked, 调休上班); a
 * line {@code confirmed} says the year follows the State Council's notice, {@code provisional} that it has the
 * statutory holidays only, before the notice is out. Text after {@code #} is a comment.
 *
 * <p>Users add a year, or correct one, by putting a file of the same name on the class path before this library:
 * for each year the first file found is used. A year with no file counts Monday to Friday as working days
 * ({@link #knows(int)} is false for it).
 */
public final class WorkingDays {

    private static final String FOLDER = "dev/rubric/model/calendar/";
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;

    /** One year's exceptions to the weekend rule. */
    record Year(Set<LocalDate> rest, Set<LocalDate> work, boolean confirmed) {
    }

    private static final Map<Integer, Year> YEARS = load();

    private WorkingDays() {
    }

    /**
     * Whether {@code day} is a working day: a weekday that is no holiday, or a weekend day worked by the year's notice.
     *
     * @param day the day; never null
     */
    public static boolean isWorkingDay(LocalDate day) {
        Year year = YEARS.get(day.getYear());
        if (year != null) {
            if (year.work().contains(day)) {
                return true;
            }
            if (year.rest().contains(day)) {
                return false;
            }
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The last day of a time limit of {@code days} working days counted from {@code start}: the {@code days}-th working
     * day after it ({@code start} itself is not counted, as a case received today has its first day tomorrow).
     * Zero days gives {@code start}.
     *
     * @param start the day the limit starts, such as the day a case was received; never null
     * @param days  how many working days, not negative
     */
    public static LocalDate plusWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("a time limit of [" + days + "] working days: give a number of days from 0 up");
        }
        LocalDate day = start;
        for (int left = days; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /**
     * How many working days fall after {@code from} up to and including {@code to}: the working days a case finished on
     * {@code to} is overdue when its limit ended on {@code from}. Zero when {@code to} is not after {@code from}.
     *
     * @param from the last day allowed; never null
     * @param to   the day it was done; never null
     */
    public static int workingDaysAfter(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                n++;
            }
        }
        return n;
    }

    /** Whether the calendar has the holidays of {@code year} (from the State Council's notice or provisional). */
    public static boolean knows(int year) {
        return YEARS.containsKey(year);
    }

    /** Whether the calendar of {@code year} follows the State Council's notice, make-up working days included. */
    public static boolean isConfirmed(int year) {
        Year y = YEARS.get(year);
        return y != null && y.confirmed();
    }

    private static Map<Integer, Year> load() {
        Map<Integer, Year> years = new HashMap<>();
        ClassLoader loader = WorkingDays.class.getClassLoader();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            String name = FOLDER + year + ".txt";
            try {
                Enumeration<URL> found = loader == null ? ClassLoader.getSystemResources(name) : loader.getResources(name);
                if (found.hasMoreElements()) {
                    URL first = found.nextElement();
                    try (InputStream in = first.openStream()) {
                        years.put(year, read(in, year, first.toString()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the working-day calendar [" + name + "]", e);
            }
        }
        return Collections.unmodifiableMap(years);
    }

    /** Reads one year's file; a line it cannot read is an error naming the file and line, never skipped. */
    static Year read(InputStream in, int year, String file) throws IOException {
        Set<LocalDate> rest = new HashSet<>();
        Set<LocalDate> work = new HashSet<>();
        boolean confirmed = false;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            lineNo++;
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty() || text.equals("provisional")) {
                continue;
            }
            if (text.equals("confirmed")) {
                confirmed = true;
                continue;
            }
            String[] words = text.split("\\s+", 3);
            String where = "[" + file + ":" + lineNo + "]";
            if (words.length < 2 || !(words[0].equals("rest") || words[0].equals("work"))) {
                throw new IllegalStateException(where + " reads [" + text + "]: write `rest <day>[..<day>] <note>` or"
                        + " `work <day> <note>`, days as 2026-10-01");
            }
            String[] ends = words[1].split("\\.\\.", 2);
            LocalDate first;
            LocalDate last;
            try {
                first = LocalDate.parse(ends[0]);
                last = ends.length == 2 ? LocalDate.parse(ends[1]) : first;
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(where + " has the day [" + words[1] + "]: write days as 2026-10-01", e);
            }
            if (first.getYear() != year && last.getYear() != year || last.isBefore(first)) {
                throw new IllegalStateException(where + " has the days [" + words[1] + "]: a year's file lists days of ["
                        + year + "], the first not after the last");
            }
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                (words[0].equals("rest") ? rest : work).add(day);
            }
        }
        return new Year(Set.copyOf(rest), Set.copyOf(work), confirmed);
    }
}
