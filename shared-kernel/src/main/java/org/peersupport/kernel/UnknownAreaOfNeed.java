package org.peersupport.kernel;

/** An area of need outside the programme's controlled vocabulary. */
public class UnknownAreaOfNeed extends RuleViolation {
    public UnknownAreaOfNeed(String area) {
        super("Area '" + area + "' is not in this programme's vocabulary of areas of need");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
