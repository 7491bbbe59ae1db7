package org.peersupport.request.api;

import org.peersupport.kernel.RuleViolation;

/** Seed 002: once or twice a term. */
public class TermCadenceExceeded extends RuleViolation {
    public TermCadenceExceeded(int max) {
        super("The cycle already has " + max + " meetings this term");
    }
}
