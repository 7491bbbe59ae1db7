package org.peersupport.kernel;

/**
 * A personal field the service can hold. Each programme declares which it collects at all; the API
 * refuses the others (seed 001 keeps only what is needed to match). Personal phone numbers are
 * never collected (seed 000's boundaries).
 */
public enum PersonalField { NAME, WORK_EMAIL, SCHOOL_NAME, BACKGROUND }
