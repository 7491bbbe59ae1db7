package org.peersupport.supporter.api;

import org.peersupport.kernel.RuleViolation;

/** Every one of the supporter's places is taken: the capacity ledger's invariant. */
public class NoCapacityLeft extends RuleViolation {
    public NoCapacityLeft(String supporterId) {
        super("Supporter " + supporterId + " has no capacity left");
    }
}
