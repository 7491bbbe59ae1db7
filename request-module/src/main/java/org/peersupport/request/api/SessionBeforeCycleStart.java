package org.peersupport.request.api;

import java.time.LocalDate;
import org.peersupport.kernel.RuleViolation;

/** Rule broken: SessionBeforeCycleStart. */
public class SessionBeforeCycleStart extends RuleViolation {
    public SessionBeforeCycleStart(LocalDate startedOn) {
        super("A session cannot precede the cycle's start on " + startedOn);
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
