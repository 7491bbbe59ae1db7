package org.peersupport.request.api;

import java.time.LocalDate;
import org.peersupport.kernel.RuleViolation;

/** A cycle cannot be closed on a date before it started. */
public class CloseBeforeCycleStart extends RuleViolation {
    public CloseBeforeCycleStart(LocalDate startedOn) {
        super("A cycle that started on " + startedOn + " cannot close before then");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
