package org.peersupport.request.api;

public record MatchingStarted(String requestId, String matchId) {
}
