package org.peersupport.request.api;

import java.time.LocalDate;
import org.peersupport.kernel.RuleViolation;

/** Seed 000: meetings happen within six months of the start; more needs a review and an extension. */
public class CycleWindowExceeded extends RuleViolation {
    public CycleWindowExceeded(LocalDate reviewDue) {
        super("Sessions after " + reviewDue + " need the cycle reviewed and extended");
    }
}
