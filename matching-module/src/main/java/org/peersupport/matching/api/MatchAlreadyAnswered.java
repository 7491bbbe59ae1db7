package org.peersupport.matching.api;

import org.peersupport.kernel.RuleViolation;

/** Rule broken: MatchAlreadyAnswered. */
public class MatchAlreadyAnswered extends RuleViolation {
    public MatchAlreadyAnswered(String matchId) {
        super("Match " + matchId + " has already been answered");
    }
}
