package org.peersupport.matching.api;

import java.time.LocalDate;

/** No answer came within the programme's response window; the request is reopened, no blame recorded. */
public record MatchExpired(String matchId, String requestId, String supporterId, LocalDate expiredOn) {
}
