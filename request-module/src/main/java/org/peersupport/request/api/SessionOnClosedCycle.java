package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** A closed cycle takes no more sessions. */
public class SessionOnClosedCycle extends RuleViolation {
    public SessionOnClosedCycle(String requestId) {
        super("The cycle for request " + requestId + " is closed");
    }
}
