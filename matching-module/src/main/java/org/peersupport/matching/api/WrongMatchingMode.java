package org.peersupport.matching.api;

import org.peersupport.kernel.RuleViolation;

/** The programme matches another way (profiles for 000, a proposal for 001/002). */
public class WrongMatchingMode extends RuleViolation {
    public WrongMatchingMode(String mode) {
        super("This programme matches by " + mode);
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
