package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** One match at a time: another match must be answered (or declined) first. */
public class MatchAlreadyInProgress extends RuleViolation {
    public MatchAlreadyInProgress(String requestId) {
        super("Request " + requestId + " already has a match in progress");
    }
}
