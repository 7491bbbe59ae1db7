package org.peersupport.reporting.api;

/** Where a request stands, as the coordinator's queue shows it. */
public enum RequestStage { AWAITING_MATCH, PROFILES_SHARED, MATCH_PROPOSED, IN_CYCLE, CLOSED, WITHDRAWN }
