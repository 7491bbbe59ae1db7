package org.peersupport.request.api;

public record MatchingReopened(String requestId, String matchId) {
}
