package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** Rule broken: RequestAlreadyWithdrawn. */
public class RequestAlreadyWithdrawn extends RuleViolation {
    public RequestAlreadyWithdrawn(String requestId) {
        super("Request " + requestId + " was withdrawn");
    }
}
