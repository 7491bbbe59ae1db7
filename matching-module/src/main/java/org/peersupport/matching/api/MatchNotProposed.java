package org.peersupport.matching.api;

import org.peersupport.kernel.RuleViolation;

/** A match is accepted only once a supporter is proposed. */
public class MatchNotProposed extends RuleViolation {
    public MatchNotProposed(String matchId) {
        super("Match " + matchId + " has no proposed supporter yet");
    }
}
