package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** Seed 000: the initial meeting is up to one hour. */
public class FirstMeetingTooLong extends RuleViolation {
    public FirstMeetingTooLong(int maxMinutes) {
        super("The first meeting may last at most " + maxMinutes + " minutes");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
