package org.peersupport.kernel;

/** The region is not one of the programme's regions. The message does not repeat the client's text. */
public class UnknownRegion extends RuleViolation {
    public UnknownRegion(String region) {
        super("The region is not one of this programme's regions");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
