package org.peersupport.reporting.api;

/** The request queue; both criteria are optional. */
public record FindRequests(String programmeId, RequestStage stage) {
}
