package org.peersupport.supporter.api;

import org.peersupport.kernel.RuleViolation;

/** The supporter has stepped back for now. */
public class SupporterNotAvailable extends RuleViolation {
    public SupporterNotAvailable(String supporterId) {
        super("Supporter " + supporterId + " has stepped back and is not taking new matches");
    }
}
