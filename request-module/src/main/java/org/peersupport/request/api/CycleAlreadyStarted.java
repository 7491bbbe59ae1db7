package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** A request is matched once; a re-match is its own lifecycle step. */
public class CycleAlreadyStarted extends RuleViolation {
    public CycleAlreadyStarted(String requestId) {
        super("Request " + requestId + " already has a cycle under way");
    }
}
