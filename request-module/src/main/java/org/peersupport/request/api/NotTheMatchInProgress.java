package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** A cycle starts only from the match the request is waiting on. */
public class NotTheMatchInProgress extends RuleViolation {
    public NotTheMatchInProgress(String requestId) {
        super("Request " + requestId + " is not waiting on that match");
    }
}
