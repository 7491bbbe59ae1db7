package org.peersupport.kernel;

import java.util.List;

/**
 * The controlled vocabulary of areas of need, drawn from the seeds (001's "areas you have worked
 * in": budget, competency procedures, building project, staffing, restructure, difficult staff or
 * governors; 000/002: inspection, well-being). A programme starts from these and may add its own.
 */
public final class AreasOfNeed {
    public static final String BUDGET = "budget";
    public static final String COMPETENCY_PROCEDURES = "competency-procedures";
    public static final String BUILDING_PROJECT = "building-project";
    public static final String STAFFING = "staffing";
    public static final String RESTRUCTURE = "restructure";
    public static final String DIFFICULT_STAFF_OR_GOVERNORS = "difficult-staff-or-governors";
    public static final String OFSTED = "ofsted";
    public static final String WELLBEING = "wellbeing";
    public static final String ISOLATION = "isolation";
    public static final String NEW_TO_HEADSHIP = "new-to-headship";

    public static final List<String> STANDARD = List.of(BUDGET, COMPETENCY_PROCEDURES, BUILDING_PROJECT, STAFFING,
            RESTRUCTURE, DIFFICULT_STAFF_OR_GOVERNORS, OFSTED, WELLBEING, ISOLATION, NEW_TO_HEADSHIP);

    private AreasOfNeed() {
    }
}
