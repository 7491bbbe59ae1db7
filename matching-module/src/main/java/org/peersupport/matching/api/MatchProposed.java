package org.peersupport.matching.api;

import java.time.LocalDate;

/** A supporter has been put forward for a request (by the head's choice or the coordinator's proposal); a place is held for them. */
public record MatchProposed(String matchId, String requestId, String programmeId, String supporterId, LocalDate proposedOn) {
}
