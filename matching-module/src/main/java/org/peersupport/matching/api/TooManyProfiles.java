package org.peersupport.matching.api;

import org.peersupport.kernel.RuleViolation;

/** A head is sent at most the programme's number of profiles. */
public class TooManyProfiles extends RuleViolation {
    public TooManyProfiles(int max) {
        super("At most " + max + " profiles may be shared");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
