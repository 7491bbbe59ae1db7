package org.peersupport.programme.api;

import org.peersupport.kernel.RuleViolation;

/** There is no programme with that identifier. */
public class UnknownProgramme extends RuleViolation {
    public UnknownProgramme(String programmeId) {
        super("There is no programme '" + programmeId + "'");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
