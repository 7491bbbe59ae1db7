package org.peersupport.kernel;

/** How a session was held. Only in-person meetings count where a programme caps those alone. */
public enum MeetingMode { IN_PERSON, VIDEO, PHONE }
