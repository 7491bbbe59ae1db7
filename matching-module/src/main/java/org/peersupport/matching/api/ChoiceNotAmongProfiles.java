package org.peersupport.matching.api;

import org.peersupport.kernel.RuleViolation;

/** A head chooses from the profiles they were sent. */
public class ChoiceNotAmongProfiles extends RuleViolation {
    public ChoiceNotAmongProfiles(String supporterId) {
        super("Supporter " + supporterId + " was not among the profiles shared");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
