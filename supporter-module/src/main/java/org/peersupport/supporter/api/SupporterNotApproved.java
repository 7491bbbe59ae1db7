package org.peersupport.supporter.api;

import org.peersupport.kernel.RuleViolation;

/** The supporter has not been approved, so cannot be matched. */
public class SupporterNotApproved extends RuleViolation {
    public SupporterNotApproved(String supporterId) {
        super("Supporter " + supporterId + " has not been approved");
    }
}
