package org.peersupport.privacy.api;

/** Why a subject's key was shredded. */
public enum ErasureReason {
    /** The coordinator carried out the person's request. */
    REQUESTED,
    /** The one-month deadline arrived before anyone carried it out. */
    DEADLINE,
    /** The programme's retention period ended. */
    RETENTION
}
