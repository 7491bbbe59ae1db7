package org.peersupport.kernel;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Seed 000's boundaries: sessions in the school day or immediately after, on working days in term
 * time. {@link #breach} names the rule a session would break, if any.
 *
 * @param afterSchoolMinutes how long after the school day still counts as "immediately after"
 */
public record Boundaries(LocalTime schoolDayStart, LocalTime schoolDayEnd, int afterSchoolMinutes,
                         boolean termTimeOnly) {

    /** The rule broken by a session at this day and time, or empty when it is within bounds. */
    public Optional<String> breach(LocalDate day, LocalTime start, TermCalendar calendar) {
        if (!TermCalendar.isWeekday(day)) {
            return Optional.of("OutsideWorkingDays");
        }
        if (termTimeOnly && calendar != null && !calendar.isWorkingTermDay(day)) {
            return Optional.of("OutsideTermTime");
        }
        if (start.isBefore(schoolDayStart) || start.isAfter(schoolDayEnd.plusMinutes(afterSchoolMinutes))) {
            return Optional.of("OutsideSchoolDay");
        }
        return Optional.empty();
    }
}
