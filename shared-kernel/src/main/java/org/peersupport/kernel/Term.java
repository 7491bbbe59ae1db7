package org.peersupport.kernel;

import java.time.LocalDate;
import java.util.Objects;

/** One school term, with its half-term break (dates inclusive). */
public record Term(String name, LocalDate start, LocalDate end, LocalDate halfTermStart, LocalDate halfTermEnd) {

    public Term {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("A term ends after it starts");
        }
    }

    /** Within the term's span, half-term included: the span cadence is counted over. */
    public boolean spans(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** A day of teaching: within the term and not in its half-term. */
    public boolean teaches(LocalDate day) {
        boolean halfTerm = halfTermStart != null && halfTermEnd != null
                && !day.isBefore(halfTermStart) && !day.isAfter(halfTermEnd);
        return spans(day) && !halfTerm;
    }
}
