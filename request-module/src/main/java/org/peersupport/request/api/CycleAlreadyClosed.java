package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** Rule broken: CycleAlreadyClosed. */
public class CycleAlreadyClosed extends RuleViolation {
    public CycleAlreadyClosed(String requestId) {
        super("The cycle for request " + requestId + " is already closed");
    }
}
