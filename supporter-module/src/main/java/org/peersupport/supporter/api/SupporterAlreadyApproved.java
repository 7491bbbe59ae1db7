package org.peersupport.supporter.api;

import org.peersupport.kernel.RuleViolation;

/** Approval happens once. */
public class SupporterAlreadyApproved extends RuleViolation {
    public SupporterAlreadyApproved(String supporterId) {
        super("Supporter " + supporterId + " is already approved");
    }
}
