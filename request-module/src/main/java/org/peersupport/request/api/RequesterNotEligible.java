package org.peersupport.request.api;

import org.peersupport.kernel.RequesterRole;
import org.peersupport.kernel.RuleViolation;

/** The requester's role is not one the programme accepts (seed 000: maintained-school heads and heads of school). */
public class RequesterNotEligible extends RuleViolation {
    public RequesterNotEligible(RequesterRole role) {
        super("A " + role + " may not request support in this programme");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
