package org.peersupport.kernel;

/** An area of need outside the programme's controlled vocabulary. */
public class UnknownAreaOfNeed extends RuleViolation {
    public UnknownAreaOfNeed(String area) {
        super("An area of need is not in this programme's vocabulary");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
