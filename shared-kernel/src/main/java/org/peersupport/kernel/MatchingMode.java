package org.peersupport.kernel;

/** How a programme matches a head with a supporter (seeds 000, 001, 002). */
public enum MatchingMode {
    /** Seed 000: the head is sent up to N profiles and picks one. */
    HEAD_CHOOSES_FROM_PROFILES,
    /** Seed 001: the coordinator proposes one supporter; the head says yes or no. */
    COORDINATOR_PROPOSES,
    /** Seed 002: the coordinator pairs a leader with an associate. */
    COORDINATOR_PAIRS
}
