package org.peersupport.feedback.api;

import org.peersupport.kernel.RuleViolation;

/** Rule broken: RatingOutOfRange. */
public class RatingOutOfRange extends RuleViolation {
    public RatingOutOfRange(int rating) {
        super("A rating runs from 1 to 5, not " + rating);
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
