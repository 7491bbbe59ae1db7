package org.peersupport.kernel;

/** A criterion a supporter must evidence before approval; each programme names the ones it requires. */
public enum EligibilityCriterion {
    /** Years as a headteacher (seed 000: five or more). */
    YEARS_AS_HEAD,
    /** The current school's last inspection judgement and its date (seed 000: good or better). */
    INSPECTION_JUDGEMENT,
    /** Good understanding of local processes (seed 000). */
    LOCAL_KNOWLEDGE,
    /** A proven coaching or mentoring record (seed 000). */
    COACHING_RECORD,
    /** The programme's funded training completed, and when (seed 000). */
    TRAINING_COMPLETED,
    /** Areas handled within the last few years (seed 001). */
    AREAS_HANDLED
}
