package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** Seed 000: sessions in the school day or immediately after, on working days in term time. */
public class OutsideBoundaries extends RuleViolation {
    private final String boundary;

    public OutsideBoundaries(String boundary) {
        super("The session breaks the programme's boundary " + boundary
                + "; a coordinator may record an exception with a reason");
        this.boundary = boundary;
    }

    /** The boundary broken: OutsideWorkingDays, OutsideTermTime or OutsideSchoolDay. */
    @Override
    public String rule() {
        return boundary;
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
