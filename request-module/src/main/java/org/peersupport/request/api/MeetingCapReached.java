package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** Seed 000: at most six (in-person) meetings in a cycle; more needs a review and an extension. */
public class MeetingCapReached extends RuleViolation {
    public MeetingCapReached(int cap) {
        super("The cycle has reached its cap of " + cap + " meetings");
    }
}
