package org.peersupport.matching.api;

import org.peersupport.kernel.RuleViolation;

/** Rule broken: NoProfilesToShare. */
public class NoProfilesToShare extends RuleViolation {
    public NoProfilesToShare() {
        super("At least one profile must be shared");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
