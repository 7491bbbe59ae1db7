package org.peersupport.supporter.api;

/** Supervision offered to volunteers (seeds 000, 002): one to one, or with other supporters. */
public enum SupervisionKind { ONE_TO_ONE, GROUP }
