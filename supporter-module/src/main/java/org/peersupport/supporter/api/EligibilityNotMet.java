package org.peersupport.supporter.api;

import org.peersupport.kernel.EligibilityCriterion;
import org.peersupport.kernel.RuleViolation;

/** A criterion the programme requires is not evidenced, or the evidence falls short. */
public class EligibilityNotMet extends RuleViolation {
    private final EligibilityCriterion criterion;

    public EligibilityNotMet(EligibilityCriterion criterion, String shortfall) {
        super("Eligibility criterion " + criterion + " not met: " + shortfall);
        this.criterion = criterion;
    }

    public EligibilityCriterion criterion() {
        return criterion;
    }
}
