package org.peersupport.supporter.api;

import org.peersupport.kernel.RuleViolation;

/** Only a paused supporter can resume. */
public class SupporterNotPaused extends RuleViolation {
    public SupporterNotPaused(String supporterId) {
        super("Supporter " + supporterId + " is not paused");
    }
}
