package org.peersupport.kernel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A programme's term dates: part of its rules, so an authority edits them like any other rule
 * (a new rules version) when it publishes next year's dates.
 */
public record TermCalendar(List<Term> terms) {

    public TermCalendar {
        terms = List.copyOf(terms);
    }

    public Optional<Term> termSpanning(LocalDate day) {
        return terms.stream().filter(t -> t.spans(day)).findFirst();
    }

    /** A working day in term time: Monday to Friday, in a term, not in half-term. */
    public boolean isWorkingTermDay(LocalDate day) {
        return isWeekday(day) && terms.stream().anyMatch(t -> t.teaches(day));
    }

    public static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first term that ends on or after {@code day}. */
    public Optional<Term> currentOrNext(LocalDate day) {
        return terms.stream().filter(t -> !t.end().isBefore(day)).findFirst();
    }

    /** The term following the named one. */
    public Optional<Term> termAfter(String name) {
        for (int i = 0; i + 1 < terms.size(); i++) {
            if (terms.get(i).name().equals(name)) {
                return Optional.of(terms.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * England's usual pattern of three terms with half-terms, for the academic years starting in
     * {@code fromYear} to {@code toYear}: a typical approximation to start from, not any
     * authority's published dates.
     */
    public static TermCalendar englandTypical(int fromYear, int toYear) {
        List<Term> terms = new ArrayList<>();
        for (int y = fromYear; y <= toYear; y++) {
            terms.add(new Term("Autumn " + y, weekdayOnOrAfter(LocalDate.of(y, 9, 2)),
                    fridayOnOrBefore(LocalDate.of(y, 12, 19)), mondayOfWeek(LocalDate.of(y, 10, 27)),
                    mondayOfWeek(LocalDate.of(y, 10, 27)).plusDays(4)));
            terms.add(new Term("Spring " + (y + 1), weekdayOnOrAfter(LocalDate.of(y + 1, 1, 5)),
                    fridayOnOrBefore(LocalDate.of(y + 1, 3, 28)), mondayOfWeek(LocalDate.of(y + 1, 2, 16)),
                    mondayOfWeek(LocalDate.of(y + 1, 2, 16)).plusDays(4)));
            LocalDate lastMondayOfMay = LocalDate.of(y + 1, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            terms.add(new Term("Summer " + (y + 1), LocalDate.of(y + 1, 4, 13).with(
                    TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)), fridayOnOrBefore(LocalDate.of(y + 1, 7, 22)),
                    lastMondayOfMay, lastMondayOfMay.plusDays(4)));
        }
        return new TermCalendar(terms);
    }

    private static LocalDate weekdayOnOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWeekday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static LocalDate fridayOnOrBefore(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
    }

    private static LocalDate mondayOfWeek(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
