package org.peersupport.matching.api;

import org.peersupport.kernel.RuleViolation;

/** Rule broken: MatchAlreadyProposed. */
public class MatchAlreadyProposed extends RuleViolation {
    public MatchAlreadyProposed(String matchId) {
        super("Match " + matchId + " already has a proposed supporter");
    }
}
