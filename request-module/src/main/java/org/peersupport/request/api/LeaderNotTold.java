package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** Seed 002: a note is made only if the leader is told about it. */
public class LeaderNotTold extends RuleViolation {
    public LeaderNotTold() {
        super("A note after a contentious meeting is recorded only once the leader has been told");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
