package org.peersupport.kernel;

/** The rare concerns that break confidentiality, reported to the programme's single named contact. */
public enum ConcernKind {
    /** Seeds 000, 002: a safeguarding or child protection concern. */
    SAFEGUARDING,
    /** Seed 000: a whistleblowing concern. */
    WHISTLEBLOWING,
    /** Seed 002: a serious concern for the school leader's own well-being. */
    LEADER_WELLBEING
}
