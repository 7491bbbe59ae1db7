package org.peersupport.reporting.api;

/** Feedback for one request, or for a whole programme when {@code requestId} is null. */
public record FindFeedback(String programmeId, String requestId) {
}
