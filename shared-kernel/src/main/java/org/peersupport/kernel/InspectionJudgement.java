package org.peersupport.kernel;

/** The last inspection judgement of a supporter's current school. */
public enum InspectionJudgement {
    OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE;

    public boolean isGoodOrBetter() {
        return this == OUTSTANDING || this == GOOD;
    }
}
