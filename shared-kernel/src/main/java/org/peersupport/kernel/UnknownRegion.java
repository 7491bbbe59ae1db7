package org.peersupport.kernel;

/** The region is not one of the programme's regions. */
public class UnknownRegion extends RuleViolation {
    public UnknownRegion(String region) {
        super("Region '" + region + "' is not one of this programme's regions");
    }

    @Override
    public boolean isConflict() {
        return false;
    }
}
