package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** Sessions and closure need a cycle that has started. */
public class CycleNotStarted extends RuleViolation {
    public CycleNotStarted(String requestId) {
        super("Request " + requestId + " has no cycle under way");
    }
}
