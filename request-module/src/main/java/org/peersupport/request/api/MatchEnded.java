package org.peersupport.request.api;

import java.time.LocalDate;

/** The cycle's match ended without blame; the request is open for a re-match. */
public record MatchEnded(String requestId, String matchId, String supporterId, LocalDate endedOn) {
}
