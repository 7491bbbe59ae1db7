package org.peersupport.supporter.api;

import org.peersupport.kernel.RuleViolation;

/** The supporter has left the programme. */
public class SupporterHasWithdrawn extends RuleViolation {
    public SupporterHasWithdrawn(String supporterId) {
        super("Supporter " + supporterId + " has withdrawn from the programme");
    }
}
