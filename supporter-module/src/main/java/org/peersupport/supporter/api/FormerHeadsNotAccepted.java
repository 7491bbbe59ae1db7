package org.peersupport.supporter.api;

import org.peersupport.kernel.RuleViolation;

/** The programme accepts serving heads only (002 is the programme that accepts former heads). */
public class FormerHeadsNotAccepted extends RuleViolation {
    public FormerHeadsNotAccepted() {
        super("This programme accepts serving heads only");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
